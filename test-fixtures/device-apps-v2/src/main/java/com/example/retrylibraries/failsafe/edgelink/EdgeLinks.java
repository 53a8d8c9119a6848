package com.example.retrylibraries.failsafe.edgelink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;

/** Every attempt builds a fresh client. */
public class EdgeLinks {

    static final RetryPolicy<Object> POLICY = RetryPolicy.builder()
            .handle(IotHubClientException.class, IllegalStateException.class)
            .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(20))
            .withMaxRetries(10)
            .build();

    /** Replaces the failed client with a new one on each attempt and never closes the failed one. */
    static class EdgeLink {
        private final String connString;
        private DeviceClient client;

        EdgeLink(String connString) {
            this.connString = connString;
        }

        void connect() {
            Failsafe.with(POLICY).run(() -> {
                client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
            });
        }
    }

    /** Same, but the previous attempt's client is closed before it is replaced. */
    static class SafeEdgeLink {
        private final String connString;
        private DeviceClient client;

        SafeEdgeLink(String connString) {
            this.connString = connString;
        }

        void connect() {
            Failsafe.with(POLICY).run(() -> {
                if (client != null) {
                    client.close();
                }
                client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                // quiet: "When the next attempt uses a new client (assigned over the failed one), the failed one must be closed too" - it is, before the assignment in the same attempt
                client.open(false);
            });
        }
    }

    /** Local client per attempt, closed in the attempt's own catch before rethrowing. */
    static class ScopedEdgeLink {
        private final String connString;
        private volatile DeviceClient active;

        ScopedEdgeLink(String connString) {
            this.connString = connString;
        }

        void connect() {
            Failsafe.with(POLICY).run(() -> {
                DeviceClient candidate = new DeviceClient(connString, IotHubClientProtocol.AMQPS);
                try {
                    // quiet: failed attempt's client is closed in the catch ("close()/closeNow() in the catch") before the next attempt
                    candidate.open(false);
                } catch (IotHubClientException e) {
                    candidate.close();
                    throw e;
                }
                active = candidate;
            });
        }
    }

    public static void main(String[] args) {
        String cs = System.getenv("EDGE_CS");
        new EdgeLink(cs).connect();
        new SafeEdgeLink(cs).connect();
        new ScopedEdgeLink(cs).connect();
        AsyncUplinks.startAll(cs);
    }
}
