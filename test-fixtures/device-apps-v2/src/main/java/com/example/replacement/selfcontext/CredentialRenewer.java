package com.example.replacement.selfcontext;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews the device's link every hour with a fresh client that is its own callback context (the SDK samples' idiom).
 * The renewal never closes the client it made: every round leaves one more live link.
 */
public class CredentialRenewer {
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor();
    private final String connectionString = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");

    public void start() {
        renewal.scheduleAtFixedRate(this::renew, 1, 1, TimeUnit.HOURS);
        renewal.scheduleAtFixedRate(this::probe, 1, 1, TimeUnit.HOURS);
    }

    private void renew() {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient renewed = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        renewed.setConnectionStatusChangeCallback(
            context -> System.out.println("renewed link: " + context.getNewStatus()), renewed);
        try {
            renewed.open(false);
        } catch (IotHubClientException e) {
            System.err.println("renewal failed: " + e.getMessage());
        }
    }

    /** The same idiom, closed on every path: quiet. */
    private void probe() {
        DeviceClient probe = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        probe.setConnectionStatusChangeCallback(
            context -> System.out.println("probe link: " + context.getNewStatus()), probe);
        try {
            probe.open(false);
        } catch (IotHubClientException e) {
            System.err.println("probe failed: " + e.getMessage());
        } finally {
            probe.close();
        }
    }
}
