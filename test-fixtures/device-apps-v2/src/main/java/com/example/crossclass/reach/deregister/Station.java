package com.example.crossclass.reach.deregister;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Removes its status callback before every close it makes, so CLIENT_CLOSE never reaches onStatus. */
public class Station {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient client;

    public Station(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        // quiet: single start-up open
        client.open(false);
    }

    private void onStatus(ConnectionStatusChangeContext context) {
        // quiet: check 5 - "Not reported when the app removes the callback before each of its own closes": setConnectionStatusChangeCallback(null, null) on client precedes both closes of client (reconnect, and stop() -> closeQuietly())
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnect);
        }
    }

    private void reconnect() {
        client.setConnectionStatusChangeCallback(null, null);
        client.close();
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        try {
            // quiet: check 1 - the path from the status callback is dominated by == DISCONNECTED; check 3 - hand-off to the worker
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("station reconnect failed: " + e.getMessage());
        }
    }

    void stop() {
        client.setConnectionStatusChangeCallback(null, null);
        closeQuietly();
    }

    private void closeQuietly() {
        client.close();
    }
}
