package com.example.retrylibraries.failsafe.uplink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;

/** Same shape as TelemetryGateway, but the policy closes the client before every retry. */
class MetricsUplink {

    private final DeviceClient client;
    private final RetryPolicy<Object> reconnectPolicy;

    MetricsUplink(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        this.reconnectPolicy = RetryPolicy.builder()
                .handle(IotHubClientException.class)
                .withDelay(Duration.ofSeconds(5))
                .withMaxRetries(-1)
                .onRetry(event -> client.close())
                .build();
    }

    void start() {
        // quiet: "A close in the policy's own retry listener (onRetry, ...) counts as a close between attempts if attached to the same local or field that runs the attempt" (field reconnectPolicy)
        Failsafe.with(reconnectPolicy).run(() -> client.open(false));
    }
}

/** Two policies: the closing listener is on the one that is NOT used to run the attempt. */
class AlarmUplink {

    private final DeviceClient client;
    private final RetryPolicy<Object> closingPolicy;
    private final RetryPolicy<Object> plainPolicy;

    AlarmUplink(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
        this.closingPolicy = RetryPolicy.builder()
                .withMaxRetries(3)
                .onFailedAttempt(event -> client.close())
                .build();
        this.plainPolicy = RetryPolicy.builder()
                .withDelay(Duration.ofSeconds(2))
                .withMaxRetries(3)
                .build();
    }

    void start() {
        // closingPolicy's listener is attached to another field; the executor's onFailure runs only after the last attempt
        Failsafe.with(plainPolicy)
                .onFailure(done -> client.close())
                // expect: IotHubOpenRetryWithoutClose
                .run(() -> client.open(false));
    }

    RetryPolicy<Object> closingPolicy() {
        return closingPolicy;
    }
}
