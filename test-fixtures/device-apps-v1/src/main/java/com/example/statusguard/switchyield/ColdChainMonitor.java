package com.example.statusguard.switchyield;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A cold-chain monitor whose status callbacks map the status with switch expressions whose arms are blocks: the
 * truck's link health for a watchdog, and the freezer's decision to reopen.
 */
public class ColdChainMonitor {
    enum LinkHealth { HEALTHY, DEGRADED, LOST }

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient truck;
    private final DeviceClient freezer;
    private volatile LinkHealth truckHealth = LinkHealth.LOST;
    private int sdkRetries;

    public ColdChainMonitor(String truckConnection, String freezerConnection) throws URISyntaxException {
        truck = new DeviceClient(truckConnection, IotHubClientProtocol.MQTT);
        freezer = new DeviceClient(freezerConnection, IotHubClientProtocol.MQTT);
        truck.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            truckHealth = switch (status) {
                case CONNECTED -> LinkHealth.HEALTHY;
                case DISCONNECTED_RETRYING -> {
                    sdkRetries++;
                    yield LinkHealth.DEGRADED;
                }
                case DISCONNECTED -> LinkHealth.LOST;
            };
        }, null);
        freezer.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            boolean needsReopen = switch (status) {
                case DISCONNECTED -> {
                    System.out.println("freezer link lost: " + reason);
                    yield reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                }
                case CONNECTED, DISCONNECTED_RETRYING -> false;
            };
            if (needsReopen) {
                worker.execute(this::reopenFreezer);
            }
        }, null);
    }

    public void start() {
        watchdog.scheduleAtFixedRate(() -> {
            if (truckHealth == LinkHealth.DEGRADED) {
                kickTruck();
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private void kickTruck() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            truck.open();
        } catch (IOException e) {
            System.err.println("truck kick failed: " + e.getMessage());
        }
    }

    private void reopenFreezer() {
        try {
            // quiet: on the worker thread, handed off on DISCONNECTED with CLIENT_CLOSE excluded in the block's yield
            freezer.closeNow();
            // quiet: guarded by the boolean the switch yields only for DISCONNECTED, closed first
            freezer.open();
        } catch (IOException e) {
            System.err.println("freezer reopen failed: " + e.getMessage());
        }
    }
}
