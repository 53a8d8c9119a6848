package com.example.crossclass.reach.detach;

/** Orderly life cycle: attach the watcher, open once, and on shutdown detach it before closing. */
public final class Main {
    public static void main(String[] args) throws Exception {
        ConnectionManager manager = new ConnectionManager(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        manager.attach(new StatusWatcher(manager));
        manager.openLink();
        Thread.sleep(60_000);
        manager.detach();
        manager.closeLink();
    }
}
