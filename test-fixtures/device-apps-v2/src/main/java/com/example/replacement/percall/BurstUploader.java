package com.example.replacement.percall;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

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
        DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        try {
            client.open(false);
            client.sendEvent(new Message("burst"));
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println("burst failed: " + e.getMessage());
        }
        client.close();
    }

    /** The catch gives up before the close: a failed send leaves the link open. */
    private void burstGivingUp() {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        try {
            client.open(false);
            client.sendEvent(new Message("burst"));
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println("burst failed, giving up: " + e.getMessage());
            return;
        }
        client.close();
    }
}
