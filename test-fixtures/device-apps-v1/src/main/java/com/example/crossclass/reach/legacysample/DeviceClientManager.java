package com.example.crossclass.reach.legacysample;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/**
 * Shaped like the legacy 1.x reconnection sample: the status callback hands recoverable disconnects to a
 * new thread, which loops open() until it succeeds - without closing between attempts.
 */
public class DeviceClientManager implements IotHubConnectionStatusChangeCallback {
    private static final long RETRY_DELAY_MS = 10_000;

    private final Object lock = new Object();
    private final DeviceClient client;
    private final boolean autoReconnectOnDisconnected;
    private volatile ConnectionStatus connectionStatus = ConnectionStatus.DISCONNECTED;

    DeviceClientManager(DeviceClient client, boolean autoReconnectOnDisconnected) {
        this.client = client;
        this.autoReconnectOnDisconnected = autoReconnectOnDisconnected;
        this.client.registerConnectionStatusChangeCallback(this, this);
    }

    public void connect() throws InterruptedException {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.DISCONNECTED) {
                connectionStatus = ConnectionStatus.CONNECTING;
            } else {
                return;
            }
        }
        doConnect();
    }

    private void doConnect() throws InterruptedException {
        while (connectionStatus == ConnectionStatus.CONNECTING) {
            synchronized (lock) {
                if (connectionStatus == ConnectionStatus.CONNECTING) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open();
                        connectionStatus = ConnectionStatus.CONNECTED;
                        break;
                    } catch (Exception ex) {
                        System.err.println("open failed, retrying: " + ex.getMessage());
                    }
                }
            }
            Thread.sleep(RETRY_DELAY_MS);
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason statusChangeReason,
                        Throwable throwable, Object callbackContext) {
        System.out.println("connection status " + status + " (" + statusChangeReason + ")");
        // quiet: check 5 - the guard is a call to a method of the compilation "whose true result implies" reason != CLIENT_CLOSE
        if (shouldDeviceReconnect(status, statusChangeReason)) {
            if (!autoReconnectOnDisconnected) {
                return;
            }
            handleRecoverableDisconnection();
        } else if (status == IotHubConnectionStatus.CONNECTED) {
            synchronized (lock) {
                connectionStatus = ConnectionStatus.CONNECTED;
            }
        }
    }

    private void handleRecoverableDisconnection() {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.CONNECTED) {
                connectionStatus = ConnectionStatus.DISCONNECTED;
            } else {
                return;
            }
        }
        new Thread(() -> {
            try {
                connect();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reconnect").start();
    }

    private static boolean shouldDeviceReconnect(IotHubConnectionStatus status,
                                                 IotHubConnectionStatusChangeReason reason) {
        return status == IotHubConnectionStatus.DISCONNECTED
                && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
    }

    public void closeNow() throws IOException {
        // quiet: called from Main only, not on the callback thread
        client.closeNow();
    }
}
