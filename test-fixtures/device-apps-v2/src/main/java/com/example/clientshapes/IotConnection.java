package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Template-method base following the 2.x reconnection sample: the status callback only records the status
 * and wakes a manager thread, which closes and reopens in a loop.
 */
public abstract class IotConnection {
    protected volatile DeviceClient client;
    protected volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private final Object reconnectLock = new Object();
    private Thread manager;

    protected abstract DeviceClient createClient() throws URISyntaxException, IOException;

    protected void onReady() {
    }

    protected void onLinkLost(IotHubConnectionStatusChangeReason reason) {
    }

    public final void connect() throws URISyntaxException, IOException, IotHubClientException {
        client = createClient();
        client.setConnectionStatusChangeCallback(new StatusWatcher(), null);
        client.open(true);
        manager = new Thread(this::manageConnection, "iot-connection-manager");
        manager.setDaemon(true);
        manager.start();
        onReady();
    }

    private final class StatusWatcher implements IotHubConnectionStatusChangeCallback {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            status = ctx.getNewStatus();
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                onLinkLost(ctx.getNewStatusReason());
                synchronized (reconnectLock) {
                    reconnectLock.notifyAll();
                }
            }
        }
    }

    private void manageConnection() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (reconnectLock) {
                try {
                    reconnectLock.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
            boolean connected = false;
            while (!connected) {
                client.close();
                try {
                    client.open(false);
                    connected = true;
                } catch (IotHubClientException e) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    public void disconnect() {
        if (manager != null) {
            manager.interrupt();
        }
        client.close();
    }
}
