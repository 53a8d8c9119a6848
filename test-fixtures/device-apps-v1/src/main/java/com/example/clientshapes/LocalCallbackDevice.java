package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;

/** Local classes implementing the status callback. */
public class LocalCallbackDevice {
    private final DeviceClient client;

    public LocalCallbackDevice(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
    }

    public void start() throws IOException {
        class ReconnectingListener implements IotHubConnectionStatusChangeCallback {
            private int attempts;

            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
                // expect: IotHubReopenAfterClientClose
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    attempts++;
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open();
                    } catch (IOException e) {
                        // ignored
                    }
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new ReconnectingListener(), null);
        client.open();
    }

    public void startSafely(ExecutorService pool) throws IOException {
        class HandOffListener implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
                if (IotHubConnectionStatus.DISCONNECTED.equals(status) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(reason)) {
                    pool.execute(() -> {
                        try {
                            client.closeNow();
                            client.open();
                        } catch (IOException e) {
                            // ignored
                        }
                    });
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new HandOffListener(), null);
        client.open();
    }
}
