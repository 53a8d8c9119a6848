package com.example.statusguard.switchguards;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Arrow-form switches in lambda callbacks and switch-expression guard helpers. */
public class SwitchDevice {
    private final DeviceClient primary;
    private final DeviceClient backup;
    private volatile IotHubConnectionStatus primaryStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);

    SwitchDevice() {
        primary = new DeviceClient(System.getenv("PRIMARY_CS"), IotHubClientProtocol.AMQPS);
        backup = new DeviceClient(System.getenv("BACKUP_CS"), IotHubClientProtocol.AMQPS);

        primary.setConnectionStatusChangeCallback(ctx -> {
            primaryStatus = ctx.getNewStatus();
            switch (ctx.getNewStatus()) {
                case DISCONNECTED -> {
                    if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        workers.execute(this::reconnectPrimary);
                    }
                }
                case CONNECTED -> System.out.println("primary up");
                default -> { }
            }
        }, null);

        backup.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> workers.execute(this::reconnectBackup);
                default -> { }
            }
        }, null);
    }

    private void reconnectPrimary() {
        // quiet: handed to an executor, not on the callback thread
        primary.close();
        try {
            // quiet: guarded by arrow `case DISCONNECTED ->` (plus reason != CLIENT_CLOSE) in the callback that hands it off
            primary.open(false);
        } catch (IotHubClientException e) {
            System.out.println("primary reconnect failed: " + e.getMessage());
        }
    }

    private void reconnectBackup() {
        // quiet: not on the callback thread (handed to an executor)
        backup.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            backup.open(false);
        } catch (IotHubClientException e) {
            System.out.println("backup reconnect failed: " + e.getMessage());
        }
    }

    private static boolean isDown(IotHubConnectionStatus s) {
        return switch (s) {
            case DISCONNECTED -> true;
            default -> false;
        };
    }

    private static boolean isNotConnected(IotHubConnectionStatus s) {
        return s != IotHubConnectionStatus.CONNECTED;
    }

    private void watchdog() {
        if (isDown(primaryStatus)) {
            try {
                // quiet: "a call to a same-class method whose result is such a condition" (switch expression with case DISCONNECTED)
                primary.open(false);
            } catch (IotHubClientException e) {
                System.out.println("watchdog open failed: " + e.getMessage());
            }
        }
    }

    private void audit() {
        if (isNotConnected(primaryStatus)) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                primary.open(false);
            } catch (IotHubClientException e) {
                System.out.println("audit open failed: " + e.getMessage());
            }
        }
    }

    void start() throws IotHubClientException {
        // quiet: start-up code
        primary.open(false);
        // quiet: start-up code
        backup.open(false);
        timers.scheduleAtFixedRate(this::watchdog, 1, 1, TimeUnit.MINUTES);
        timers.scheduleAtFixedRate(this::audit, 5, 5, TimeUnit.MINUTES);
    }

    public static void main(String[] args) throws Exception {
        new SwitchDevice().start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
