package com.example.retrylibraries.resilience4j.meter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import io.github.resilience4j.retry.RetryRegistry;

import java.io.IOException;
import java.net.URISyntaxException;

/** District water meter: its retries come from a registry, one Retry per name. */
public class WaterMeterRegistry {
    private static final String METER = "meter";
    private final RetryRegistry registry = RetryRegistry.of(SmartMeter.METER_RETRY);
    private final DeviceClient meter;
    private final DeviceClient valve;

    WaterMeterRegistry(String meterCs, String valveCs) throws URISyntaxException {
        meter = new DeviceClient(meterCs, IotHubClientProtocol.AMQPS);
        valve = new DeviceClient(valveCs, IotHubClientProtocol.AMQPS);
        registry.retry(METER).getEventPublisher().onRetry(event -> closeQuietly(meter));
        registry.retry("leak-alarm").getEventPublisher().onRetry(event -> closeQuietly(valve));
    }

    private static void closeQuietly(DeviceClient client) {
        try {
            client.closeNow();
        } catch (IOException ignored) {
            // the next attempt reports its own failure
        }
    }

    void connect() throws Throwable {
        registry.retry("meter").executeCheckedSupplier(() -> {
            // quiet: the listener of the same named Retry closes the client between attempts
            meter.open();
            return true;
        });
        registry.retry("valve").executeCheckedSupplier(() -> {
            // expect: IotHubOpenRetryWithoutClose
            valve.open();
            return true;
        });
    }
}
