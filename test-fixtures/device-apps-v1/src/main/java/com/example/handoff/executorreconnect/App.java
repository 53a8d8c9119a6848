package com.example.handoff.executorreconnect;

public class App {
    public static void main(String[] args) throws Exception {
        ConnectionManager manager = new ConnectionManager(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        manager.client().registerConnectionStatusChangeCallback(new StatusHandler(manager), null);
        manager.connect();
        Thread.sleep(600_000);
        // configuration reload at start-up time: a start-up call, which "do[es] not count" for guard inheritance
        manager.reconnect();
        Thread.sleep(600_000);
        manager.disconnect();
    }
}
