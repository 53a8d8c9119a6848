package com.example.crossclass.reach.deregister;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

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

    private final IotHubConnectionStatusChangeCallback primaryWatcher = context -> {
        // quiet: check 5 - the callback kept in primaryWatcher is registered on primary, and shutDown(primary) removes it before every close of primary
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnectPrimary);
        }
    };

    private final IotHubConnectionStatusChangeCallback backupWatcher = context -> {
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnectBackup);
        }
    };

    public KeptWatchers(String primaryConnectionString, String backupConnectionString) {
        primary = new DeviceClient(primaryConnectionString, IotHubClientProtocol.AMQPS);
        backup = new DeviceClient(backupConnectionString, IotHubClientProtocol.AMQPS);
    }

    void start() throws IotHubClientException {
        primary.setConnectionStatusChangeCallback(primaryWatcher, null);
        // quiet: single start-up open
        primary.open(false);
        backup.setConnectionStatusChangeCallback(backupWatcher, null);
        // quiet: single start-up open
        backup.open(false);
    }

    private void reconnectPrimary() {
        shutDown(primary);
        try {
            primary.setConnectionStatusChangeCallback(primaryWatcher, null);
            // quiet: closed just before, on every path (shutDown), off the callback thread
            primary.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    private void reconnectBackup() {
        backup.setConnectionStatusChangeCallback(null, null);
        backup.close();
        try {
            backup.setConnectionStatusChangeCallback(backupWatcher, null);
            // quiet: closed just before, on every path, off the callback thread
            backup.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    void stop() {
        shutDown(primary);
        // quiet: not on the callback thread; the missing removal before it is reported at backupWatcher's guard
        backup.close();
    }

    private static void shutDown(DeviceClient link) {
        link.setConnectionStatusChangeCallback(null, null);
        link.close();
    }
}
