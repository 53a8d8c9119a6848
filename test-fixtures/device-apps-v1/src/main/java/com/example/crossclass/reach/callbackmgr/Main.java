package com.example.crossclass.reach.callbackmgr;

public class Main {
    public static void main(String[] args) throws Exception {
        Device device = new Device(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        device.client().registerConnectionStatusChangeCallback(new StatusHandler(device), null);
        device.start();
        for (int i = 0; i < 100; i++) {
            device.send("{\"seq\":" + i + "}");
            Thread.sleep(5_000);
        }
        device.stop();
    }
}
