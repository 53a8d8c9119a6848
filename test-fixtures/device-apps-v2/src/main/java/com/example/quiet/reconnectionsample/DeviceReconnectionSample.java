package com.example.quiet.reconnectionsample;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * Follows the architecture of the 2.x reconnection sample: the status callback only records the
 * status and wakes the main thread, which closes and re-opens the client with a delay.
 */
public class DeviceReconnectionSample implements IotHubConnectionStatusChangeCallback {
    private static final Object reconnectLock = new Object();
    private static final long RECONNECT_DELAY_MS = 5_000;

    private final DeviceClient deviceClient;
    private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason lastReason;

    public DeviceReconnectionSample(String connectionString, IotHubClientProtocol protocol) {
        deviceClient = new DeviceClient(connectionString, protocol);
        deviceClient.setConnectionStatusChangeCallback(this, null);
    }

    public static void main(String[] args) throws InterruptedException {
        DeviceReconnectionSample sample = new DeviceReconnectionSample(args[0], IotHubClientProtocol.MQTT);
        sample.openClientWithRetry();

        Thread telemetryThread = new Thread(sample::sendTelemetryForever, "telemetry");
        telemetryThread.setDaemon(true);
        telemetryThread.start();

        while (true) {
            synchronized (reconnectLock) {
                reconnectLock.wait();
            }
            if (sample.connectionStatus == IotHubConnectionStatus.DISCONNECTED
                    && sample.lastReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                System.out.println("Connection lost for good (" + sample.lastReason + "), reconnecting");
                sample.openClientWithRetry();
            }
        }
    }

    private void openClientWithRetry() throws InterruptedException {
        while (true) {
            try {
                deviceClient.close();
                deviceClient.open(false);
                System.out.println("Client opened successfully");
                break;
            } catch (IotHubClientException e) {
                System.out.println("Open failed (" + e.getStatusCode() + "), retrying in " + RECONNECT_DELAY_MS + " ms");
                Thread.sleep(RECONNECT_DELAY_MS);
            }
        }
    }

    private void sendTelemetryForever() {
        int i = 0;
        while (true) {
            if (connectionStatus == IotHubConnectionStatus.CONNECTED) {
                deviceClient.sendEventAsync(new Message("{\"i\":" + i++ + "}"),
                        (message, exception, context) -> {
                            if (exception != null) {
                                System.out.println("send failed: " + exception.getStatusCode());
                            }
                        }, null);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        IotHubConnectionStatus status = context.getNewStatus();
        IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
        Throwable cause = context.getCause();
        System.out.println("Connection status changed: " + status + ", reason: " + reason
                + (cause == null ? "" : ", cause: " + cause.getMessage()));
        connectionStatus = status;
        lastReason = reason;
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectLock) {
                reconnectLock.notify();
            }
        }
    }
}
