package com.example.crossclass.reach.deregister;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Status callbacks kept in fields and registered by name, re-registered after each reconnect. The primary link
 * removes its callback before every close (in a helper that closes the client it is given); the backup link forgets
 * the removal in stop().
 */
public class KeptWatchers {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient primary;
    private final DeviceClient backup;

    private final IotHubConnectionStatusChangeCallback primaryWatcher = (status, reason, cause, context) -> {
        // quiet: check 5 - the callback kept in primaryWatcher is registered on primary, and shutDown(primary) removes it before every close of primary
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnectPrimary);
        }
    };

    private final IotHubConnectionStatusChangeCallback backupWatcher = (status, reason, cause, context) -> {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnectBackup);
        }
    };

    public KeptWatchers(String primaryConnectionString, String backupConnectionString) throws URISyntaxException {
        primary = new DeviceClient(primaryConnectionString, IotHubClientProtocol.AMQPS);
        backup = new DeviceClient(backupConnectionString, IotHubClientProtocol.AMQPS);
    }

    void start() throws IOException {
        primary.registerConnectionStatusChangeCallback(primaryWatcher, null);
        // quiet: single start-up open
        primary.open();
        backup.registerConnectionStatusChangeCallback(backupWatcher, null);
        // quiet: single start-up open
        backup.open();
    }

    private void reconnectPrimary() {
        try {
            shutDown(primary);
            primary.registerConnectionStatusChangeCallback(primaryWatcher, null);
            // quiet: closed just before, on every path (shutDown), off the callback thread
            primary.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    private void reconnectBackup() {
        try {
            backup.registerConnectionStatusChangeCallback(null, null);
            backup.closeNow();
            backup.registerConnectionStatusChangeCallback(backupWatcher, null);
            // quiet: closed just before, on every path, off the callback thread
            backup.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    void stop() throws IOException {
        shutDown(primary);
        // quiet: not on the callback thread; the missing removal before it is reported at backupWatcher's guard
        backup.closeNow();
    }

    private static void shutDown(DeviceClient link) throws IOException {
        link.registerConnectionStatusChangeCallback(null, null);
        link.closeNow();
    }
}
