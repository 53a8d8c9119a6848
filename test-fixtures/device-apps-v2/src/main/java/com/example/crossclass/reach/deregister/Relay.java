package com.example.crossclass.reach.deregister;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Same pattern as Station, but shutdownForUpdate() closes without removing the callback first. */
public class Relay {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final String connectionString;
    private DeviceClient client;

    public Relay(String connectionString) {
        this.connectionString = connectionString;
    }

    void start() throws IotHubClientException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
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
        closeLink();
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        try {
            // quiet: check 1 - guarded by == DISCONNECTED on the callback path; check 3 - hand-off
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("relay reconnect failed: " + e.getMessage());
        }
    }

    void stop() {
        client.setConnectionStatusChangeCallback(null, null);
        closeLink();
    }

    /** Called by Supervisor before a firmware update; the callback is still registered here. */
    void shutdownForUpdate() {
        closeLink();
    }

    private void closeLink() {
        client.close();
    }
}
