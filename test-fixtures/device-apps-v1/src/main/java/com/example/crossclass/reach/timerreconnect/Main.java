package com.example.crossclass.reach.timerreconnect;

public class Main {
    public static void main(String[] args) throws Exception {
        Link link = new Link(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        link.client.setMessageCallback(new CommandHandler(link), null);
        link.start();
        new Watchdog(link).start();
        Thread.currentThread().join();
    }
}
