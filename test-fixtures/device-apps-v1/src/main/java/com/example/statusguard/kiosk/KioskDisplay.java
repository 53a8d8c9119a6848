package com.example.statusguard.kiosk;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Digital-signage kiosk. Maintenance jobs run on a scheduler: nightly link reset, credential
 * refresh, diagnostics.
 */
public class KioskDisplay {
    private final String connectionString;
    private final String diagnosticsConnectionString;
    private final String uploadConnectionString;
    private DeviceClient client;
    private DeviceClient diagnosticsClient;
    private final ScheduledExecutorService ses = Executors.newScheduledThreadPool(2);
    private volatile boolean forceReset;
    private volatile boolean keyRotated;

    public KioskDisplay(String cs, String diagCs, String uploadCs) throws URISyntaxException {
        this.connectionString = cs;
        this.diagnosticsConnectionString = diagCs;
        this.uploadConnectionString = uploadCs;
        this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void start() throws IOException {
        client.open();
        ses.scheduleAtFixedRate(() -> nightlyReset(), 24, 24, TimeUnit.HOURS);
        ses.scheduleAtFixedRate(this::softReset, 6, 6, TimeUnit.HOURS);
        ses.scheduleAtFixedRate(this::partialReset, 1, 1, TimeUnit.HOURS);
        ses.scheduleWithFixedDelay(this::rotateLogs, 12, 12, TimeUnit.HOURS);
        ses.scheduleWithFixedDelay(this::ensureDiagnostics, 0, 5, TimeUnit.MINUTES);
        ses.scheduleWithFixedDelay(() -> refreshCredentials(keyRotated), 30, 30, TimeUnit.MINUTES);
        ses.schedule(() -> {
            try (DeviceClient oneShot = new DeviceClient(uploadConnectionString, IotHubClientProtocol.HTTPS)) {
                oneShot.open();
                oneShot.sendEventAsync(new Message("{\"boot\":\"ok\"}"), (code, ctx) -> { }, null);
            } catch (URISyntaxException | IOException e) {
                System.err.println("boot report failed: " + e);
            }
        }, 1, TimeUnit.MINUTES);
    }

    private void nightlyReset() {
        try {
            this.client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println("nightly reset failed: " + e);
        }
    }

    private void softReset() {
        try {
            if (client != null) {
                client.closeNow();
            }
            client.open();
        } catch (IOException e) {
            System.err.println("soft reset failed: " + e);
        }
    }

    private void partialReset() {
        try {
            if (forceReset) {
                client.closeNow();
            }
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("partial reset failed: " + e);
        }
    }

    private void rotateLogs() {
        try {
            diagnosticsClient.closeNow();
            // copy-paste slip: meant diagnosticsClient
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("rotate failed: " + e);
        }
    }

    private void ensureDiagnostics() {
        try {
            if (diagnosticsClient == null) {
                diagnosticsClient = new DeviceClient(diagnosticsConnectionString, IotHubClientProtocol.MQTT);
                diagnosticsClient.open();
            }
            diagnosticsClient.sendEventAsync(new Message("{\"heap\":" + Runtime.getRuntime().freeMemory() + "}"),
                    (code, ctx) -> { }, null);
        } catch (URISyntaxException | IOException e) {
            System.err.println("diagnostics failed: " + e);
        }
    }

    private void refreshCredentials(boolean rotated) {
        try {
            if (rotated) {
                if (client != null) {
                    client.closeNow();
                }
                client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                keyRotated = false;
            }
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (URISyntaxException | IOException e) {
            System.err.println("credential refresh failed: " + e);
        }
    }

    public void stop() throws IOException {
        ses.shutdownNow();
        client.closeNow();
        if (diagnosticsClient != null) {
            diagnosticsClient.closeNow();
        }
    }
}
