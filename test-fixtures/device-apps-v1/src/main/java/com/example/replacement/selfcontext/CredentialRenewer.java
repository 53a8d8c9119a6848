package com.example.replacement.selfcontext;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/**
 * Renews the device's link every hour with a fresh client that is its own callback context (the 1.x samples' idiom).
 * The renewal never closes the client it made: every round leaves one more live link.
 */
public class CredentialRenewer {
    private final Timer timer = new Timer("renewal", true);
    private final String connectionString = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");

    public void start() {
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                renew();
                probe();
            }
        }, 3_600_000, 3_600_000);
    }

    private void renew() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient renewed = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            renewed.registerConnectionStatusChangeCallback(
                (status, reason, throwable, context) -> System.out.println("renewed link: " + status), renewed);
            renewed.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println("renewal failed: " + e.getMessage());
        }
    }

    /** The same idiom, closed on every path: quiet. */
    private void probe() {
        DeviceClient probe = null;
        try {
            probe = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            probe.registerConnectionStatusChangeCallback(
                (status, reason, throwable, context) -> System.out.println("probe link: " + status), probe);
            probe.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println("probe failed: " + e.getMessage());
        } finally {
            if (probe != null) {
                try {
                    probe.closeNow();
                } catch (IOException e) {
                    System.err.println("probe close failed: " + e.getMessage());
                }
            }
        }
    }
}
