package com.example.crossclass.reach.basecallback;

public class Main {
    public static void main(String[] args) throws Exception {
        ValveDevice valve = new ValveDevice(System.getenv("VALVE_CONNECTION_STRING"));
        valve.connect();
        valve.calibrate();
        valve.listen();
        Thread.currentThread().join();
    }
}
