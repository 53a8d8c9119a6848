package com.example.crossclass.reach.multicond;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class Main {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Link telemetry = new Link("telemetry", System.getenv("TELEMETRY_CS"));
        Link alarms = new Link("alarms", System.getenv("ALARMS_CS"));
        Link config = new Link("config", System.getenv("CONFIG_CS"));
        Link logs = new Link("logs", System.getenv("LOGS_CS"));
        Link audit = new Link("audit", System.getenv("AUDIT_CS"));

        Wiring.restartUnlessConnected(telemetry, pool);
        Wiring.restartOnEitherDisconnect(alarms, pool);
        Wiring.restartAfterEarlyExit(config, pool);
        Wiring.restartNested(logs, pool);
        Wiring.restartUnlessClosedByUs(audit, pool);

        telemetry.start();
        alarms.start();
        config.start();
        logs.start();
        audit.start();
        Thread.currentThread().join();
    }
}
