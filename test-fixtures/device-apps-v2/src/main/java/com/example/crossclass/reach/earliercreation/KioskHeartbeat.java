package com.example.crossclass.reach.earliercreation;

import java.util.Timer;
import java.util.TimerTask;

public class KioskHeartbeat {
    private final String connectionString;
    private final Timer timer = new Timer("heartbeat", true);

    public KioskHeartbeat(String connectionString) {
        this.connectionString = connectionString;
    }

    public void start() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try (HubSession session = new HubSession(connectionString)) {
                    session.connect();
                    session.send("{\"heartbeat\":" + System.currentTimeMillis() + "}");
                } catch (Exception e) {
                    System.err.println("heartbeat failed: " + e);
                }
            }
        }, 0, 300_000);
    }
}
