package com.example.retrylibraries.resilience4j.meter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vavr.CheckedRunnable;

import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;

/** Smart electricity meter (SDK 1.x, Resilience4j 1.7). */
public class SmartMeter {

    static final RetryConfig METER_RETRY = RetryConfig.custom()
            .maxAttempts(8)
            .waitDuration(Duration.ofSeconds(4))
            .retryExceptions(IOException.class)
            .build();

    private final DeviceClient client;
    private final Retry retry = Retry.of("meter", METER_RETRY);

    SmartMeter(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    void connect() throws Throwable {
        CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        });
        connect.run();
    }

    public static void main(String[] args) throws Throwable {
        String cs = System.getenv("METER_CS");
        new SmartMeter(cs).connect();
        new SmartMeterFixed(cs).connect();
        new GasMeter(cs).start();
        new WaterMeter(cs).start();
    }
}

/** onRetry event on the same Retry field closes the client before the next attempt. */
class SmartMeterFixed {

    private final DeviceClient client;
    private final Retry retry;

    SmartMeterFixed(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        retry = Retry.of("meter-fixed", SmartMeter.METER_RETRY);
        retry.getEventPublisher().onRetry(event -> {
            try {
                client.closeNow();
            } catch (IOException ignored) {
                // best effort
            }
        });
    }

    void connect() throws Exception {
        retry.executeCallable(() -> {
            // quiet: "Resilience4j's retry events" on the same field close between attempts
            client.open();
            return null;
        });
    }
}
