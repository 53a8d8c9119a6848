package com.example.crossclass.reach.retrylibs;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;

/** Two uplinks whose initial open is retried by Failsafe. */
final class FailsafeLinks {
    private FailsafeLinks() {
    }

    static final class Uplink {
        private final DeviceClient client;
        private final RetryPolicy<Object> policy = RetryPolicy.builder()
                .handle(IotHubClientException.class)
                .withDelay(Duration.ofSeconds(2))
                .withMaxRetries(5)
                .build();

        Uplink(String connectionString) {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        }

        void connect() {
            Failsafe.with(policy).run(() -> {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
            });
        }
    }

    static final class SafeUplink {
        private final DeviceClient client;
        private final RetryPolicy<Object> policy;

        SafeUplink(String connectionString) {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            policy = RetryPolicy.builder()
                    .handle(IotHubClientException.class)
                    .withDelay(Duration.ofSeconds(2))
                    .withMaxRetries(5)
                    .onRetry(event -> client.close())
                    .build();
        }

        void connect() {
            Failsafe.with(policy).run(() -> {
                // quiet: check 2 - "A close in the policy's own retry listener (onRetry ...) counts as a close between attempts if attached to the same local or field that runs the attempt"
                client.open(false);
            });
        }
    }
}
