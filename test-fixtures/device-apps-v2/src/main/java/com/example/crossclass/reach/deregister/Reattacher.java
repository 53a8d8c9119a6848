package com.example.crossclass.reach.deregister;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Removes its status callback before every close, but the reconnect registers it again before its close: at that
 * close the callback is attached, and CLIENT_CLOSE reaches it.
 */
public class Reattacher {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient client;

    public Reattacher(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        // quiet: single start-up open
        client.open(false);
    }

    private void onStatus(ConnectionStatusChangeContext context) {
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnect);
        }
    }

    private void reconnect() {
        client.setConnectionStatusChangeCallback(null, null);
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        client.close();
        try {
            // quiet: check 1 - the path from the status callback is dominated by == DISCONNECTED; check 3 - hand-off to the worker
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reattacher reconnect failed: " + e.getMessage());
        }
    }

    void stop() {
        client.setConnectionStatusChangeCallback(null, null);
        client.close();
    }
}
