package com.example.crossclass.reach.detach;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Owns the client; the status callback is attached through attach() and removed by detach() before closes. */
final class ConnectionManager {
    private final DeviceClient client;
    private IotHubConnectionStatusChangeCallback watcher;

    ConnectionManager(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    void attach(IotHubConnectionStatusChangeCallback statusWatcher) {
        watcher = statusWatcher;
        client.setConnectionStatusChangeCallback(statusWatcher, null);
    }

    void detach() {
        client.setConnectionStatusChangeCallback(null, null);
    }

    void openLink() throws IotHubClientException {
        // quiet: single start-up open
        client.open(true);
    }

    void closeLink() {
        client.close();
    }

    void reconnect() {
        detach();
        client.close();
        try {
            // quiet: check 1 - guarded by the watcher's DISCONNECTED check on the only path; check 3 - handed off
            client.open(true);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e);
        } finally {
            client.setConnectionStatusChangeCallback(watcher, null);
        }
    }
}
