package com.example.crossclass.reach.timerreconnect;

import java.io.IOException;
import java.util.Timer;
import java.util.TimerTask;

public class Watchdog {
    private final Timer timer = new Timer("link-watchdog", true);
    private final Link link;

    public Watchdog(Link link) {
        this.link = link;
    }

    public void start() {
        timer.schedule(new ReopenTask(link), 3_600_000L, 3_600_000L);
        timer.schedule(new RefreshTask(link), 600_000L, 600_000L);
        timer.schedule(new MaintenanceTask(link), 900_000L, 900_000L);
        timer.schedule(new HealthCheckTask(link), 30_000L, 30_000L);
    }

    static final class ReopenTask extends TimerTask {
        private final Link link;

        ReopenTask(Link link) {
            this.link = link;
        }

        @Override
        public void run() {
            try {
                link.reopen();
            } catch (IOException e) {
                System.err.println("reopen failed: " + e.getMessage());
            }
        }
    }

    static final class RefreshTask extends TimerTask {
        private final Link link;

        RefreshTask(Link link) {
            this.link = link;
        }

        @Override
        public void run() {
            try {
                link.shutdownLink();
                link.resume();
            } catch (IOException e) {
                System.err.println("refresh failed: " + e.getMessage());
            }
        }
    }

    static final class MaintenanceTask extends TimerTask {
        private final Link link;

        MaintenanceTask(Link link) {
            this.link = link;
        }

        @Override
        public void run() {
            try {
                link.shutdownLink();
                link.openOnly();
            } catch (IOException e) {
                System.err.println("maintenance failed: " + e.getMessage());
            }
        }
    }

    /** The unguarded, unexempt path that makes Link.openOnly() a finding. */
    static final class HealthCheckTask extends TimerTask {
        private final Link link;

        HealthCheckTask(Link link) {
            this.link = link;
        }

        @Override
        public void run() {
            if (link.isStale()) {
                try {
                    link.openOnly();
                } catch (IOException e) {
                    System.err.println("health check reopen failed: " + e.getMessage());
                }
            }
        }
    }
}
