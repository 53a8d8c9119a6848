package com.example.retry.reconnectingmanager;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/**
 * Modelled on the legacy 1.x "device reconnection" sample: a manager that wraps the DeviceClient,
 * retries the initial open() every 10 seconds and reconnects when the SDK gives up retrying.
 */
public class ReconnectingDeviceManager implements IotHubConnectionStatusChangeCallback {
    private enum ConnectionStatus { DISCONNECTED, CONNECTING, CONNECTED }

    private static final Object lock = new Object();
    private static final int SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS = 10;

    private ConnectionStatus connectionStatus = ConnectionStatus.DISCONNECTED;
    private final DeviceClient client;

    public ReconnectingDeviceManager(DeviceClient deviceClient) {
        this.client = deviceClient;
        this.client.registerConnectionStatusChangeCallback(this, this);
    }

    public void connect() throws IOException {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.DISCONNECTED) {
                connectionStatus = ConnectionStatus.CONNECTING;
            } else {
                return;
            }
        }
        doConnect();
    }

    private void doConnect() {
        // the initial open() is not retried by the SDK, so the application has to
        while (connectionStatus == ConnectionStatus.CONNECTING) {
            synchronized (lock) {
                if (connectionStatus == ConnectionStatus.CONNECTING) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open();
                        connectionStatus = ConnectionStatus.CONNECTED;
                        break;
                    } catch (IOException ex) {
                        System.err.println("[connect] - Exception thrown while opening DeviceClient instance: " + ex);
                    }
                }
            }
            try {
                Thread.sleep(SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS * 1000L);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void close() throws IOException {
        synchronized (lock) {
            client.closeNow();
            connectionStatus = ConnectionStatus.DISCONNECTED;
        }
    }

    public void sendEventAsync(Message message) {
        client.sendEventAsync(message, (status, ctx) -> System.out.println("sent: " + status), null);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason statusChangeReason,
                        Throwable throwable, Object callbackContext) {
        System.out.println("status " + status + " because " + statusChangeReason);
        if (shouldDeviceReconnect(status, statusChangeReason)) {
            handleRecoverableDisconnection();
        }
    }

    private boolean shouldDeviceReconnect(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
        return status == IotHubConnectionStatus.DISCONNECTED
                && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED;
    }

    private void handleRecoverableDisconnection() {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.CONNECTED) {
                new Thread(() -> {
                    synchronized (lock) {
                        if (connectionStatus == ConnectionStatus.CONNECTED) {
                            try {
                                client.closeNow();
                            } catch (IOException e) {
                                System.err.println("DeviceClient close failed: " + e);
                            } finally {
                                connectionStatus = ConnectionStatus.CONNECTING;
                            }
                        } else {
                            return;
                        }
                    }
                    doConnect();
                }).start();
            } else {
                connectionStatus = ConnectionStatus.DISCONNECTED;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        DeviceClient deviceClient = new DeviceClient(args[0], IotHubClientProtocol.AMQPS);
        ReconnectingDeviceManager manager = new ReconnectingDeviceManager(deviceClient);
        manager.connect();
        for (int i = 0; i < 100; i++) {
            manager.sendEventAsync(new Message("{\"count\":" + i + "}"));
            Thread.sleep(2000);
        }
        manager.close();
    }
}
