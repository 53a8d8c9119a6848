package com.example.replacement.percall;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sends a burst every hour on a short-lived client, closed after the try that opens it. */
public class BurstUploader {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String connectionString = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");

    public void start() {
        scheduler.scheduleAtFixedRate(this::burst, 0, 1, TimeUnit.HOURS);
        scheduler.scheduleAtFixedRate(this::burstGivingUp, 30, 60, TimeUnit.MINUTES);
    }

    /** The try and its catch both reach the close: quiet. */
    private void burst() {
        DeviceClient client = newClient();
        try {
            client.open();
            client.sendEventAsync(new Message("burst"), (status, context) -> { }, null);
        } catch (IOException e) {
            System.err.println("burst failed: " + e.getMessage());
        }
        closeQuietly(client);
    }

    /** The catch gives up before the close: a failed open leaves the link half made. */
    private void burstGivingUp() {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = newClient();
        try {
            client.open();
            client.sendEventAsync(new Message("burst"), (status, context) -> { }, null);
        } catch (IOException e) {
            System.err.println("burst failed, giving up: " + e.getMessage());
            return;
        }
        closeQuietly(client);
    }

    private DeviceClient newClient() {
        try {
            return new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void closeQuietly(DeviceClient client) {
        try {
            client.closeNow();
        } catch (IOException e) {
            System.err.println("close failed: " + e.getMessage());
        }
    }
}
