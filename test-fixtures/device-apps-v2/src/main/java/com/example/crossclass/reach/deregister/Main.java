package com.example.crossclass.reach.deregister;

public class Main {
    public static void main(String[] args) throws Exception {
        Station station = new Station(System.getenv("STATION_CS"));
        Relay relay = new Relay(System.getenv("RELAY_CS"));
        station.start();
        relay.start();
        Supervisor supervisor = new Supervisor(station, relay);
        supervisor.scheduleFirmwareUpdate(60);
        Thread.sleep(7_200_000L);
        supervisor.stopAll();
    }
}
