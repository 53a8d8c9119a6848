package com.example.quiet.managersample;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** The 2.x reconnection sample's architecture: the callback only records and wakes a manager thread. */
public class ReconnectSample implements IotHubConnectionStatusChangeCallback {
    private final Object reconnectLock = new Object();
    private final DeviceClient client;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason reason;
    private volatile boolean closing;

    ReconnectSample(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        status = context.getNewStatus();
        reason = context.getNewStatusReason();
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectLock) {
                reconnectLock.notifyAll();
            }
        }
    }

    private void manageConnection() {
        while (!closing) {
            synchronized (reconnectLock) {
                try {
                    reconnectLock.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (closing) {
                return;
            }
            reconnect();
        }
    }

    private void reconnect() {
        while (true) {
            try {
                // quiet: manager thread, not the callback thread
                client.close();
                // quiet: "The current (2.x) reconnection sample closes before every attempt" — "It gets no finding"; exemption (a)
                client.open(false);
                return;
            } catch (IotHubClientException e) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ReconnectSample sample = new ReconnectSample(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        sample.client.setConnectionStatusChangeCallback(sample, null);
        // quiet: "Never report a single start-up open()"
        sample.client.open(false);
        Thread manager = new Thread(sample::manageConnection, "connection-manager");
        manager.setDaemon(true);
        manager.start();
        for (int i = 0; i < 1000; i++) {
            try {
                sample.client.sendEvent(new Message("{\"n\":" + i + "}"));
            } catch (IotHubClientException | IllegalStateException e) {
                System.out.println("send failed, the manager thread handles reconnects: " + e.getMessage());
            }
            Thread.sleep(10_000);
        }
        sample.closing = true;
        // quiet: shutdown in main
        sample.client.close();
    }
}
