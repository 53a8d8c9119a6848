package com.example.crossclass.reach.statusrecorder;

import java.util.Timer;

public class Main {
    public static void main(String[] args) throws Exception {
        Timer timer = new Timer("heartbeat", true);
        try (Uplink uplink = new Uplink(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"))) {
            uplink.start();
            timer.schedule(new Heartbeat(uplink), 60_000, 60_000);
            Thread.sleep(86_400_000L);
        }
    }
}
