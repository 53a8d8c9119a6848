package com.example.retry.reconnectingmanager;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * The legacy "device client manager" pattern carried over to 2.x: it wraps the DeviceClient,
 * retries the first open() and reconnects when the SDK's retry policy expires.
 */
public class DeviceClientManager implements IotHubConnectionStatusChangeCallback {
    private enum ConnectionStatus { DISCONNECTED, CONNECTING, CONNECTED }

    private static final Object lock = new Object();
    private static final int SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS = 10;

    private ConnectionStatus connectionStatus;
    private final DeviceClient client;

    DeviceClientManager(DeviceClient deviceClient) {
        this.connectionStatus = ConnectionStatus.DISCONNECTED;
        this.client = deviceClient;
        this.client.setConnectionStatusChangeCallback(this, this);
    }

    public void open() throws IotHubClientException {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.DISCONNECTED) {
                connectionStatus = ConnectionStatus.CONNECTING;
            } else {
                return;
            }
        }
        doConnectWithRetry();
    }

    private void doConnectWithRetry() throws IotHubClientException {
        while (connectionStatus == ConnectionStatus.CONNECTING) {
            synchronized (lock) {
                if (connectionStatus == ConnectionStatus.CONNECTING) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open(false);
                        connectionStatus = ConnectionStatus.CONNECTED;
                        break;
                    } catch (IotHubClientException ex) {
                        if (!ex.isRetryable()) {
                            connectionStatus = ConnectionStatus.DISCONNECTED;
                            throw ex;
                        }
                        System.out.println("retryable open failure, retrying: " + ex.getStatusCode());
                    }
                }
            }
            try {
                Thread.sleep(SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS * 1000L);
            } catch (InterruptedException ex) {
                throw new RuntimeException("interrupted while waiting to reconnect", ex);
            }
        }
    }

    public void close() {
        synchronized (lock) {
            client.close();
            connectionStatus = ConnectionStatus.DISCONNECTED;
        }
    }

    public void sendEventAsync(Message message) {
        client.sendEventAsync(message, (m, e, c) -> { }, null);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        IotHubConnectionStatus status = context.getNewStatus();
        IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
        Throwable throwable = context.getCause();
        if (shouldDeviceReconnect(status, reason, throwable)) {
            handleRecoverableDisconnection();
        }
    }

    private boolean shouldDeviceReconnect(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                                          Throwable throwable) {
        return status == IotHubConnectionStatus.DISCONNECTED
                && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED
                && throwable instanceof IotHubClientException
                && ((IotHubClientException) throwable).isRetryable();
    }

    private void handleRecoverableDisconnection() {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.CONNECTED) {
                new Thread(new Runnable() {
                    @Override
                    public void run() {
                        synchronized (lock) {
                            if (connectionStatus == ConnectionStatus.CONNECTED) {
                                try {
                                    client.close();
                                } finally {
                                    connectionStatus = ConnectionStatus.CONNECTING;
                                }
                            } else {
                                return;
                            }
                        }
                        try {
                            doConnectWithRetry();
                        } catch (IotHubClientException e) {
                            System.err.println("reconnect failed: " + e.getStatusCode());
                        }
                    }
                }).start();
            } else {
                connectionStatus = ConnectionStatus.DISCONNECTED;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        DeviceClientManager manager = new DeviceClientManager(new DeviceClient(args[0], IotHubClientProtocol.AMQPS));
        manager.open();
        for (int i = 0; i < 50; i++) {
            manager.sendEventAsync(new Message("{\"n\":" + i + "}"));
            Thread.sleep(1000);
        }
        manager.close();
    }
}
