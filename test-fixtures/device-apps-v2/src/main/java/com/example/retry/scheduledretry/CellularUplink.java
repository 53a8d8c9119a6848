package com.example.retry.scheduledretry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A cellular uplink: when its first open() fails, it schedules a reconnect in thirty seconds. */
public class CellularUplink {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceClient modem;
    private final DeviceClient diagnostics;

    public CellularUplink(DeviceClient modem, DeviceClient diagnostics) {
        this.modem = modem;
        this.diagnostics = diagnostics;
    }

    public void start() {
        try {
            // quiet: the scheduled reconnect closes the client before it opens it again
            modem.open(true);
        } catch (IotHubClientException e) {
            scheduler.schedule(this::reconnect, 30, TimeUnit.SECONDS);
        }
    }

    private void reconnect() {
        modem.close();
        try {
            // quiet: check 1 - closed earlier in the same method
            modem.open(false);
        } catch (IotHubClientException e) {
            System.err.println("modem reconnect failed: " + e.getMessage());
        }
    }

    public void startDiagnostics() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            diagnostics.open(true);
        } catch (IotHubClientException e) {
            scheduler.schedule(this::reconnectDiagnostics, 30, TimeUnit.SECONDS);
        }
    }

    private void reconnectDiagnostics() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            diagnostics.open(false);
        } catch (IotHubClientException e) {
            System.err.println("diagnostics reconnect failed: " + e.getMessage());
        }
    }
}
