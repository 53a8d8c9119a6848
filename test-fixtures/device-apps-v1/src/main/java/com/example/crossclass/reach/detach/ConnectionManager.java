package com.example.crossclass.reach.detach;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;

import java.io.IOException;
import java.net.URISyntaxException;

/** Owns the client; the status callback is attached through attach() and removed by detach() before each close. */
final class ConnectionManager {
    private final DeviceClient client;
    private IotHubConnectionStatusChangeCallback watcher;

    ConnectionManager(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void attach(IotHubConnectionStatusChangeCallback statusWatcher) {
        watcher = statusWatcher;
        client.registerConnectionStatusChangeCallback(statusWatcher, null);
    }

    void detach() {
        client.registerConnectionStatusChangeCallback(null, null);
    }

    void openLink() throws IOException {
        // quiet: single start-up open
        client.open();
    }

    void closeLink() throws IOException {
        client.closeNow();
    }

    void reconnect() {
        detach();
        try {
            client.closeNow();
            // quiet: check 1 - guarded by the watcher's DISCONNECTED check on the only path; check 3 - handed off
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e);
        } finally {
            client.registerConnectionStatusChangeCallback(watcher, null);
        }
    }
}
