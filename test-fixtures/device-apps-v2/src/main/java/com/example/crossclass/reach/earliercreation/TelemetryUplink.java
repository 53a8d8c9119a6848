package com.example.crossclass.reach.earliercreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An hourly refresh that makes its client through a helper before opening it. The helper that closes the old
 * client and assigns a new one on every path makes the open() one of a fresh instance; the one that creates only
 * when the field is empty reopens the instance opened an hour before.
 */
public class TelemetryUplink {
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
    private final String connectionString;
    private DeviceClient client;

    public TelemetryUplink(String connectionString) {
        this.connectionString = connectionString;
    }

    private void createClient() {
        if (client != null) {
            client.close();
        }
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    private void ensureClient() {
        if (client == null) {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        }
    }

    public void scheduleRefresh() {
        refresher.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.HOURS);
    }

    public void scheduleWatchdog() {
        refresher.scheduleWithFixedDelay(this::watchdog, 5, 5, TimeUnit.MINUTES);
    }

    private void refresh() {
        try {
            createClient();
            // quiet: the client was created by the earlier call, on every path (exemption b)
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("refresh failed: " + e.getMessage());
        }
    }

    private void watchdog() {
        try {
            ensureClient();
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("watchdog failed: " + e.getMessage());
        }
    }
}
