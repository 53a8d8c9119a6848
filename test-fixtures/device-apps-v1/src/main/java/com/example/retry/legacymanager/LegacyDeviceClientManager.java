package com.example.retry.legacymanager;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.logging.Logger;

/** Adapted from the legacy 1.x device-reconnection sample (no lombok). */
public class LegacyDeviceClientManager implements IotHubConnectionStatusChangeCallback {
    private static final Logger log = Logger.getLogger("mgr");

    private enum ConnectionStatus { DISCONNECTED, CONNECTING, CONNECTED }

    private static final Object lock = new Object();
    private static final int SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS = 10;
    private final boolean autoReconnectOnDisconnected;
    private ConnectionStatus connectionStatus;
    private final DeviceClient client;

    LegacyDeviceClientManager(DeviceClient deviceClient, boolean autoReconnectOnDisconnected) {
        this.connectionStatus = ConnectionStatus.DISCONNECTED;
        this.client = deviceClient;
        this.client.registerConnectionStatusChangeCallback(this, this);
        this.autoReconnectOnDisconnected = autoReconnectOnDisconnected;
    }

    public void connect() {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.DISCONNECTED) {
                connectionStatus = ConnectionStatus.CONNECTING;
            } else {
                return;
            }
        }
        doConnect();
    }

    public void disconnect() {
        synchronized (lock) {
            try {
                client.closeNow();
            } catch (IOException e) {
                log.warning("close failed " + e);
            } finally {
                connectionStatus = ConnectionStatus.DISCONNECTED;
            }
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason statusChangeReason, Throwable throwable, Object callbackContext) {
        switch (status) {
            case CONNECTED: {
                log.fine("connected");
                break;
            }
            case DISCONNECTED_RETRYING: {
                log.fine("retrying; do NOT close or open");
                break;
            }
            case DISCONNECTED: {
                handleDisconnection(statusChangeReason);
            }
        }
    }

    private void handleDisconnection(IotHubConnectionStatusChangeReason statusChangeReason) {
        switch (statusChangeReason) {
            case CLIENT_CLOSE:
                log.fine("closed gracefully");
                break;
            case BAD_CREDENTIAL:
            case EXPIRED_SAS_TOKEN:
                log.warning("bad credentials");
                break;
            case RETRY_EXPIRED:
                handleRecoverableDisconnection();
                break;
            case COMMUNICATION_ERROR:
                handleRecoverableDisconnection();
                break;
            default:
                log.severe("unexpected " + statusChangeReason);
        }
    }

    void handleRecoverableDisconnection() {
        synchronized (lock) {
            if (connectionStatus == ConnectionStatus.CONNECTED && autoReconnectOnDisconnected) {
                new Thread(new Runnable() {
                    @Override
                    public void run() {
                        synchronized (lock) {
                            if (connectionStatus == ConnectionStatus.CONNECTED) {
                                try {
                                    client.closeNow();
                                } catch (Exception e) {
                                    log.warning("closeNow failed");
                                } finally {
                                    connectionStatus = ConnectionStatus.CONNECTING;
                                }
                            } else {
                                return;
                            }
                        }
                        doConnect();
                    }
                }).start();
            } else {
                connectionStatus = ConnectionStatus.DISCONNECTED;
            }
        }
    }

    void doConnect() {
        while (connectionStatus == ConnectionStatus.CONNECTING) {
            synchronized (lock) {
                if (connectionStatus == ConnectionStatus.CONNECTING) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open();
                        connectionStatus = ConnectionStatus.CONNECTED;
                        break;
                    } catch (Exception ex) {
                        log.warning("open failed " + ex);
                    }
                }
            }
            try {
                Thread.sleep(SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS * 1000);
            } catch (InterruptedException ex) {
                log.warning("interrupted");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        DeviceClient deviceClient = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.AMQPS);
        LegacyDeviceClientManager manager = new LegacyDeviceClientManager(deviceClient, true);
        manager.connect();
    }
}
