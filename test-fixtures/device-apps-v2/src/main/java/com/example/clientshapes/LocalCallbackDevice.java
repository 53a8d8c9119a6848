package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;

/** Local classes implementing the status callback. */
public class LocalCallbackDevice {
    private final DeviceClient client;

    public LocalCallbackDevice(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
    }

    public void start() throws IotHubClientException {
        class ReconnectingListener implements IotHubConnectionStatusChangeCallback {
            private int attempts;

            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                // expect: IotHubReopenAfterClientClose
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    attempts++;
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(false);
                    } catch (IotHubClientException e) {
                        // ignored
                    }
                }
            }
        }
        client.setConnectionStatusChangeCallback(new ReconnectingListener(), null);
        client.open(true);
    }

    public void startSafely(ExecutorService pool) throws IotHubClientException {
        class HandOffListener implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus()) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                    pool.execute(() -> {
                        client.close();
                        try {
                            client.open(false);
                        } catch (IotHubClientException e) {
                            // ignored
                        }
                    });
                }
            }
        }
        client.setConnectionStatusChangeCallback(new HandOffListener(), null);
        client.open(true);
    }
}
