package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Removes its status callback before each of its own closes, the reconnect's included: CLIENT_CLOSE never reaches
 * the callback, so a plain DISCONNECTED guard is enough (quiet).
 */
public class QuietShutdownUplink implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    public QuietShutdownUplink(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this, null);
        client.open(true);
    }

    public void stop() {
        client.setConnectionStatusChangeCallback(null, null);
        client.close();
        worker.shutdown();
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(this::reopen);
        }
    }

    private void reopen() {
        client.setConnectionStatusChangeCallback(null, null);
        client.close();
        try {
            client.setConnectionStatusChangeCallback(this, null);
            client.open(true);
        } catch (IotHubClientException e) {
            System.err.println("reopen failed: " + e.getMessage());
        }
    }
}
