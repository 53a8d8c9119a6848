package com.example.retrylibraries.failsafe.edgelink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Failsafe's asynchronous entry points used at start-up, and a health check that recreates the client. */
final class AsyncUplinks {

    private AsyncUplinks() {
    }

    static void startAll(String cs) {
        new AsyncUplink(cs).start();
        new AsyncUplinkClosing(cs).start().join();
        new HealthCheckedLink(cs).start();
    }

    static final class AsyncUplink {
        private final DeviceClient client;

        AsyncUplink(String cs) {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        }

        void start() {
            // runAsync: "Asynchronous entry points (runAsync, getAsync, ...) are retry constructs too, not re-entry sites" -> check 2 only
            Failsafe.with(EdgeLinks.POLICY)
                    // expect: IotHubOpenRetryWithoutClose
                    .runAsync(() -> client.open(false))
                    .whenComplete((v, err) -> System.out.println("uplink ready: " + (err == null)));
        }
    }

    static final class AsyncUplinkClosing {
        private final DeviceClient client;

        AsyncUplinkClosing(String cs) {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        }

        CompletableFuture<DeviceClient> start() {
            return Failsafe.with(EdgeLinks.POLICY).getAsync(() -> {
                client.close();
                // quiet: close "before the open() in the same iteration"; async entry point from start-up is not a re-entry site
                client.open(false);
                return client;
            });
        }
    }

    /** A periodic health check recreates the client and connects it through a retrying helper. */
    static final class HealthCheckedLink {
        private final String connectionString;
        private final RetryPolicy<Object> policy = RetryPolicy.builder()
                .withDelay(Duration.ofSeconds(3))
                .withMaxAttempts(5)
                .build();
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        private volatile DeviceClient client;
        private volatile Instant lastAck = Instant.now();

        HealthCheckedLink(String connectionString) {
            this.connectionString = connectionString;
        }

        void start() {
            scheduler.scheduleWithFixedDelay(this::healthCheck, 1, 1, TimeUnit.MINUTES);
        }

        void healthCheck() {
            if (Duration.between(lastAck, Instant.now()).toMinutes() < 5) {
                return;
            }
            if (client != null) {
                client.close();
            }
            // quiet (check 4): "with no close of the previous value before it" - the previous value is closed just above
            client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
            connectWithRetry(client);
            lastAck = Instant.now();
        }

        private void connectWithRetry(DeviceClient c) {
            // check 1 exempt by (b') "the client is a parameter that, on this path, the caller created as in (b)"; the retry still never closes between attempts
            // expect: IotHubOpenRetryWithoutClose
            Failsafe.with(policy).run(() -> c.open(false));
        }
    }
}
