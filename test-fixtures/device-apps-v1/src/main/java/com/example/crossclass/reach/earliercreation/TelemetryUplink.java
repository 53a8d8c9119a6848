package com.example.crossclass.reach.earliercreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A nightly refresh that makes its client through a helper before opening it. The helper that closes the old
 * client and assigns a new one on every path makes the open() one of a fresh instance; the one that creates only
 * when the field is empty reopens the instance opened the night before.
 */
public class TelemetryUplink {
    private final Timer timer = new Timer("uplink", true);
    private final String connectionString;
    private DeviceClient client;

    public TelemetryUplink(String connectionString) {
        this.connectionString = connectionString;
    }

    private void createClient() throws IOException, URISyntaxException {
        if (client != null) {
            client.closeNow();
        }
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    private void ensureClient() throws URISyntaxException {
        if (client == null) {
            client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        }
    }

    public void start() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    createClient();
                    // quiet: the client was created by the earlier call, on every path (exemption b)
                    client.open();
                } catch (IOException | URISyntaxException e) {
                    System.err.println("refresh failed: " + e.getMessage());
                }
            }
        }, 86_400_000L, 86_400_000L);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    ensureClient();
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException | URISyntaxException e) {
                    System.err.println("watchdog failed: " + e.getMessage());
                }
            }
        }, 300_000L, 300_000L);
    }
}
