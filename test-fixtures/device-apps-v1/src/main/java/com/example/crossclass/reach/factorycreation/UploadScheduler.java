package com.example.crossclass.reach.factorycreation;

import java.util.Timer;
import java.util.TimerTask;

/**
 * Every five minutes: a new session for the upload, from the factory; and a status report on the shared session,
 * which may still be connected from the last round.
 */
public class UploadScheduler {
    private final Timer timer = new Timer("uploads", true);
    private final SessionFactory sessions;

    public UploadScheduler(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public void start() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try (UplinkSession session = sessions.newSession()) {
                    session.connect();
                } catch (Exception e) {
                    System.err.println("upload failed: " + e);
                }
            }
        }, 0, 300_000);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    CachedSession session = sessions.sharedSession();
                    session.connect();
                } catch (Exception e) {
                    System.err.println("report failed: " + e);
                }
            }
        }, 60_000, 300_000);
    }
}
