package com.example.retrylibraries.resilience4j.shelf;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

/** Retail shelf sensor hub: Resilience4j decorates the first connect, and the decorated runnable is called. */
public class ShelfSensorHub {

    static RetryConfig hubRetryConfig() {
        return RetryConfig.custom()
                .maxAttempts(6)
                .waitDuration(Duration.ofSeconds(3))
                .retryExceptions(IotHubClientException.class)
                .build();
    }

    private final DeviceClient client;
    private final Retry retry = Retry.of("shelf-hub", hubRetryConfig());

    public ShelfSensorHub(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void start() {
        // decorate*: a retry construct "where it is called or handed off" - called on the next statement
        // expect: IotHubOpenRetryWithoutClose
        CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> client.open(false));
        try {
            connect.run();
        } catch (Throwable t) {
            throw new IllegalStateException("shelf hub offline", t);
        }
    }

    public static void main(String[] args) {
        String cs = System.getenv("SHELF_CS");
        new ShelfSensorHub(cs).start();
        new ReconnectWorker(cs).start();
        new WatchdogLink(cs).start();
        new UnguardedPoller(cs).start();
    }
}
