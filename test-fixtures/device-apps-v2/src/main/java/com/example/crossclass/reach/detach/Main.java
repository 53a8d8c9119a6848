package com.example.crossclass.reach.detach;

import java.time.LocalTime;

/**
 * Shutdown detaches the watcher before closing, but the nightly maintenance window closes the link with the watcher
 * still attached: that close reaches it as CLIENT_CLOSE.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        ConnectionManager manager = new ConnectionManager(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        manager.attach(new StatusWatcher(manager));
        manager.openLink();
        Thread.sleep(60_000);
        if (LocalTime.now().getHour() == 3) {
            manager.closeLink();
            return;
        }
        manager.detach();
        manager.closeLink();
    }
}
