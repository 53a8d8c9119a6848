package com.example.crossclass.reach.groupedcase;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class Main {
    public static void main(String[] args) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);

        Connection primary = new Connection(System.getenv("PRIMARY_CS"));
        primary.client().setConnectionStatusChangeCallback(new StatusListener(primary, executor), null);
        primary.start();

        Connection backup = new Connection(System.getenv("BACKUP_CS"));
        backup.client().setConnectionStatusChangeCallback(context -> {
            switch (context.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> new Thread(backup::recycle).start();
                default -> System.out.println("backup: " + context.getNewStatus());
            }
        }, null);
        backup.start();

        Connection audit = new Connection(System.getenv("AUDIT_CS"));
        audit.client().setConnectionStatusChangeCallback(new SafeListener(audit, executor), null);
        audit.start();

        Thread.currentThread().join();
    }
}
