package com.example.crossclass.reach.basetemplate;

public class Main {
    public static void main(String[] args) throws Exception {
        ConnectedDevice device = new TelemetryDevice(System.getenv("DEVICE_CONNECTION_STRING"));
        device.connect();
        Thread.sleep(60_000);
        device.shutdown();
    }
}
