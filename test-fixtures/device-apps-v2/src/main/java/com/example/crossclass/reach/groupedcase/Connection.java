package com.example.crossclass.reach.groupedcase;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

public class Connection {
    private final String connectionString;
    private volatile DeviceClient client;
    private volatile boolean up;

    public Connection(String connectionString) {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    DeviceClient client() {
        return client;
    }

    void markUp() {
        up = true;
    }

    public void start() throws IotHubClientException {
        // quiet: single start-up open
        client.open(false);
    }

    /** Close and reopen the same client; submitted by StatusListener and the backup's lambda. */
    public void recycle() {
        up = false;
        // quiet: check 3 - runs on an executor/thread the callbacks hand it to
        client.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("recycle failed: " + e.getMessage());
        }
    }

    /** Close, recreate, re-register, open; submitted by SafeListener. */
    public void rebuild(IotHubConnectionStatusChangeCallback callback) {
        client.close();
        // quiet: check 4(a) - the previous client is closed before the assignment
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(callback, null);
        try {
            // quiet: check 1 - the only path starts in SafeListener under `case DISCONNECTED:` (a DISCONNECTED guard) plus a CLIENT_CLOSE exclusion
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("rebuild failed: " + e.getMessage());
        }
    }
}
