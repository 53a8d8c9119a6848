package com.example.crossclass.reach.aliasclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Removes its callback before its own reconnect's close, but the shutdown hook in another class closes the client
 * through this object without removing it: CLIENT_CLOSE then reaches the callback, which reconnects.
 */
public class Session {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    final DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.AMQPS);
    private final IotHubConnectionStatusChangeCallback watcher = context -> {
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            executor.execute(this::reconnect);
        }
    };

    void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(watcher, null);
        // quiet: a single start-up open
        client.open(false);
    }

    void reconnect() {
        client.setConnectionStatusChangeCallback(null, null);
        // quiet: handed off from the callback; the close comes first
        client.close();
        client.setConnectionStatusChangeCallback(watcher, null);
        try {
            // quiet: check 1 - guarded by the callback's DISCONNECTED check (check 5 reports the guard)
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e.getMessage());
        }
    }
}
