package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * Own equivalent of the current (2.x) reconnection sample's architecture: the callback only records the status and,
 * on DISCONNECTED with a reason other than CLIENT_CLOSE, wakes a manager thread that loops close() then open(false)
 * with a delay. No finding anywhere.
 */
public class SampleCurrentArchitecture implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final Object reconnectLock = new Object();
    private boolean reconnectRequested;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public SampleCurrentArchitecture(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this, null);
    }

    public static void main(String[] args) throws Exception {
        SampleCurrentArchitecture app = new SampleCurrentArchitecture(args[0]);
        app.start();
        while (true) {
            app.sendTelemetry();
            Thread.sleep(10_000);
        }
    }

    public void start() throws IotHubClientException {
        client.open(true);
        Thread manager = new Thread(this::reconnectLoop, "reconnection-manager");
        manager.setDaemon(true);
        manager.start();
    }

    private void sendTelemetry() {
        if (lastStatus == IotHubConnectionStatus.CONNECTED) {
            client.sendEventAsync(new Message("{\"temp\":21}"), (sent, error, ctx) -> System.out.println(error), null);
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus status = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        lastStatus = status;
        System.out.println("Connection status " + status + " (" + reason + ")");
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectLock) {
                reconnectRequested = true;
                reconnectLock.notifyAll();
            }
        }
    }

    private void reconnectLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (reconnectLock) {
                while (!reconnectRequested) {
                    try {
                        reconnectLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                reconnectRequested = false;
            }
            boolean reconnected = false;
            while (!reconnected) {
                client.close();
                try {
                    client.open(false);
                    reconnected = true;
                } catch (IotHubClientException e) {
                    System.err.println("Reconnect attempt failed, retrying in 5s: " + e);
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    public void stop() {
        client.close();
    }
}
