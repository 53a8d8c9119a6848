package com.example.retrylibraries.resilience4j.shelf;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import io.github.resilience4j.retry.Retry;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tracked status guards the reconnect, but the decorated attempt never closes the failed client. */
class ReconnectWorker {

    private final DeviceClient client;
    private final Retry retry = Retry.of("reconnect-worker", ShelfSensorHub.hubRetryConfig());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus linkStatus = IotHubConnectionStatus.DISCONNECTED;
    private final Callable<Void> reconnectTask;

    ReconnectWorker(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(ctx -> linkStatus = ctx.getNewStatus(), null);
        reconnectTask = Retry.decorateCallable(retry, () -> {
            if (linkStatus != IotHubConnectionStatus.DISCONNECTED) {
                return null;
            }
            // guarded by tracked state (linkStatus is assigned in the status callback), so check 1 is quiet; check 2 remains
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
            return null;
        });
    }

    void start() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                reconnectTask.call();
            } catch (Exception e) {
                System.err.println("reconnect gave up: " + e);
            }
        }, 0, 30, TimeUnit.SECONDS);
    }
}

/** Tracked boolean guard and a Resilience4j onRetry listener that closes the client on the same Retry field. */
class WatchdogLink {

    private final DeviceClient client;
    private final Retry retry = Retry.of("watchdog", ShelfSensorHub.hubRetryConfig());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean connected;

    WatchdogLink(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(
                ctx -> connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED, null);
        retry.getEventPublisher().onRetry(event -> client.close());
    }

    void start() {
        scheduler.scheduleAtFixedRate(this::healthCheck, 10, 10, TimeUnit.SECONDS);
    }

    private void healthCheck() {
        if (connected) {
            return;
        }
        try {
            this.retry.executeCallable(() -> {
                // quiet: guarded by tracked state ("if (!connected)"), and the onRetry event on the same field closes between attempts
                client.open(false);
                return null;
            });
        } catch (Exception e) {
            System.err.println("watchdog: still offline " + e.getMessage());
        }
    }
}

/** A timer that retries the open without any status check. */
class UnguardedPoller {

    private final DeviceClient client;
    private final Retry retry = Retry.of("poller", ShelfSensorHub.hubRetryConfig());
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    UnguardedPoller(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    void start() {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                retry.executeCallable(() -> {
                    // re-entry site (scheduler), no DISCONNECTED guard, no close/create exemption: check 1 wins over check 2
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                    return null;
                });
            } catch (Exception e) {
                System.err.println("poller: " + e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }
}
