package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Shape of the 2.x reconnection sample: callback records + notifies; a manager thread closes then opens. */
public class SampleDeviceClientManager implements IotHubConnectionStatusChangeCallback {
    private static final int SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS = 10;
    private final Object reconnectionLock = new Object();
    private final DeviceClient client;
    private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;

    public SampleDeviceClientManager(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        this.client.setConnectionStatusChangeCallback(this, this);
    }

    public void run() throws InterruptedException {
        Thread reconnectThread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (reconnectionLock) {
                    try {
                        reconnectionLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                doConnect();
            }
        }, "reconnect-thread");
        reconnectThread.start();
        doConnect();
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext connectionStatusChangeContext) {
        IotHubConnectionStatus newStatus = connectionStatusChangeContext.getNewStatus();
        IotHubConnectionStatusChangeReason newStatusReason = connectionStatusChangeContext.getNewStatusReason();
        Throwable throwable = connectionStatusChangeContext.getCause();
        connectionStatus = newStatus;
        if (throwable != null) {
            System.out.println("status change cause: " + throwable);
        }
        if (newStatus == IotHubConnectionStatus.DISCONNECTED && newStatusReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectionLock) {
                reconnectionLock.notify();
            }
        }
    }

    private void doConnect() {
        while (true) {
            try {
                this.client.close();
                this.client.open(false);
                break;
            } catch (IotHubClientException e) {
                System.err.println("open failed, retrying: " + e.getMessage());
                try {
                    Thread.sleep(SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS * 1000L);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        client.close();
    }
}
