package com.example.crossclass.reach.factorycreation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every five minutes: a new session for the upload, from the factory; and a status report on the shared session,
 * which may still be connected from the last round.
 */
public class UploadScheduler {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SessionFactory sessions;

    public UploadScheduler(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::upload, 0, 5, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::report, 1, 5, TimeUnit.MINUTES);
    }

    private void upload() {
        try (UplinkSession session = sessions.newSession()) {
            session.connect();
            session.send("{\"upload\":" + System.currentTimeMillis() + "}");
        } catch (Exception e) {
            System.err.println("upload failed: " + e);
        }
    }

    private void report() {
        try {
            CachedSession session = sessions.sharedSession();
            session.connect();
        } catch (Exception e) {
            System.err.println("report failed: " + e);
        }
    }
}
