package com.example.crossclass.reach.deregister;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Removes its status callback before every close, but the reconnect registers it again before its close: at that
 * close the callback is attached, and CLIENT_CLOSE reaches it.
 */
public class Reattacher implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient client;

    public Reattacher(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    void start() throws IOException {
        client.registerConnectionStatusChangeCallback(this, null);
        // quiet: single start-up open
        client.open();
    }

    @Override
    public void execute(
            IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reconnect);
        }
    }

    private void reconnect() {
        try {
            client.registerConnectionStatusChangeCallback(null, null);
            client.registerConnectionStatusChangeCallback(this, null);
            client.closeNow();
            // quiet: check 1 - the path from the status callback is dominated by == DISCONNECTED; check 3 - hand-off to the worker
            client.open();
        } catch (IOException e) {
            System.err.println("reattacher reconnect failed: " + e.getMessage());
        }
    }

    void stop() throws IOException {
        client.registerConnectionStatusChangeCallback(null, null);
        client.closeNow();
    }
}
