package com.example.crossclass.reach.flagnoguard;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class Scheduler {
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final Controller controller;

    public Scheduler(Controller controller) {
        this.controller = controller;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::checkLink, 30, 30, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> {
            try {
                controller.maybeReconnect();
            } catch (IOException e) {
                System.err.println("catch-up failed: " + e.getMessage());
            }
        }, 5, 5, TimeUnit.MINUTES);
        executor.scheduleWithFixedDelay(() -> {
            try {
                controller.resyncIfIdle();
            } catch (IOException e) {
                System.err.println("resync failed: " + e.getMessage());
            }
        }, 1, 1, TimeUnit.HOURS);
    }

    private void checkLink() {
        if (!controller.isConnected()) {
            try {
                controller.connectNow();
            } catch (IOException e) {
                System.err.println("reconnect failed: " + e.getMessage());
            }
        }
    }
}
