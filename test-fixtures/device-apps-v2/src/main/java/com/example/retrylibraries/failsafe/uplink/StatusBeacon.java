package com.example.retrylibraries.failsafe.uplink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.Timeout;

import java.time.Duration;

/** Failsafe without any RetryPolicy: not a retry construct, a single start-up open. */
class StatusBeacon {

    private final DeviceClient client;
    private final CircuitBreaker<Object> breaker = CircuitBreaker.builder()
            .handle(IotHubClientException.class)
            .withFailureThreshold(3)
            .withDelay(Duration.ofMinutes(1))
            .build();

    StatusBeacon(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
    }

    void start() {
        // quiet: retry construct only "when a with(...) argument is a RetryPolicy"; a CircuitBreaker plus Timeout is none, and "Never report a single start-up open()"
        Failsafe.with(breaker, Timeout.of(Duration.ofSeconds(30))).run(() -> client.open(true));
    }
}
