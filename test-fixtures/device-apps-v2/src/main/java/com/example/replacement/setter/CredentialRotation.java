package com.example.replacement.setter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Rotates the device credentials every twelve hours by building new clients and handing them to the channels. */
public class CredentialRotation {
    private final TelemetryChannel telemetry = new TelemetryChannel();
    private final MetricsChannel metrics = new MetricsChannel();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public static void main(String[] args) throws IotHubClientException {
        CredentialRotation rotation = new CredentialRotation();
        DeviceClient fallback = new DeviceClient(System.getenv("FALLBACK_CS"), IotHubClientProtocol.MQTT);
        fallback.open(false);
        rotation.metrics.setFallback(fallback);
        rotation.scheduler.scheduleAtFixedRate(rotation::rotate, 0, 12, TimeUnit.HOURS);
    }

    void rotate() {
        try {
            DeviceClient rotated = new DeviceClient(System.getenv("TELEMETRY_CS"), IotHubClientProtocol.MQTT);
            // quiet: a client created just before, in the same method
            rotated.open(false);
            telemetry.setClient(rotated);
            DeviceClient rotatedMetrics = new DeviceClient(System.getenv("METRICS_CS"), IotHubClientProtocol.MQTT);
            // quiet: a client created just before, in the same method
            rotatedMetrics.open(false);
            metrics.replaceClient(rotatedMetrics);
        } catch (IotHubClientException e) {
            System.err.println("credential rotation failed: " + e.getMessage());
        }
    }
}
