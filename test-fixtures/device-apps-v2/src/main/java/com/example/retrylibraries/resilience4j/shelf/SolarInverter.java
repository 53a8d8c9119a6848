package com.example.retrylibraries.resilience4j.shelf;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import io.github.resilience4j.retry.RetryRegistry;

/** Solar inverter with two links; its retries come from a registry, one Retry per name. */
public class SolarInverter {
    private final RetryRegistry registry = RetryRegistry.ofDefaults();
    private final DeviceClient control;
    private final DeviceClient telemetry;

    public SolarInverter(String controlCs, String telemetryCs) {
        control = new DeviceClient(controlCs, IotHubClientProtocol.MQTT);
        telemetry = new DeviceClient(telemetryCs, IotHubClientProtocol.MQTT);
        // both listeners are on the "control" Retry: they run between its attempts only
        registry.retry("control").getEventPublisher().onRetry(event -> control.close());
        registry.retry("control").getEventPublisher().onRetry(event -> telemetry.close());
    }

    public void connect() throws Throwable {
        registry.retry("control").executeCheckedSupplier(() -> {
            // quiet: the "control" Retry's listener closes the client between attempts
            control.open(false);
            return true;
        });
        registry.retry("telemetry").executeCheckedSupplier(() -> {
            // expect: IotHubOpenRetryWithoutClose
            telemetry.open(false);
            return true;
        });
    }
}
