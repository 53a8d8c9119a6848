package com.example.replacement.setter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** Rotates the device credentials every twelve hours by building new clients and handing them to the channels. */
public class CredentialRotation extends TimerTask
{
    private final TelemetryChannel telemetry = new TelemetryChannel();
    private final MetricsChannel metrics = new MetricsChannel();

    public static void main(String[] args) throws IOException, URISyntaxException
    {
        CredentialRotation rotation = new CredentialRotation();
        DeviceClient fallback = new DeviceClient(System.getenv("FALLBACK_CS"), IotHubClientProtocol.MQTT);
        fallback.open();
        rotation.metrics.setFallback(fallback);
        new Timer("credential-rotation").scheduleAtFixedRate(rotation, 0, 12 * 60 * 60 * 1000L);
    }

    @Override
    public void run()
    {
        try
        {
            DeviceClient rotated = new DeviceClient(System.getenv("TELEMETRY_CS"), IotHubClientProtocol.MQTT);
            // quiet: a client created just before, in the same method
            rotated.open();
            telemetry.setClient(rotated);
            DeviceClient rotatedMetrics = new DeviceClient(System.getenv("METRICS_CS"), IotHubClientProtocol.MQTT);
            // quiet: a client created just before, in the same method
            rotatedMetrics.open();
            metrics.replaceClient(rotatedMetrics);
        }
        catch (IOException | URISyntaxException e)
        {
            System.err.println("credential rotation failed: " + e.getMessage());
        }
    }
}
