package com.example.crossclass.reach.earliercreation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class KioskHeartbeat {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String connectionString;

    public KioskHeartbeat(String connectionString) {
        this.connectionString = connectionString;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(() -> {
            try (HubSession session = new HubSession(connectionString)) {
                session.connect();
            } catch (Exception e) {
                System.err.println("heartbeat failed: " + e);
            }
        }, 0, 5, TimeUnit.MINUTES);
    }
}
