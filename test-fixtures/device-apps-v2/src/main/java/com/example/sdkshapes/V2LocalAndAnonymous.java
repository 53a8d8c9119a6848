package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** 2.x: local class and anonymous class callbacks; negated equals with early exits. */
public class V2LocalAndAnonymous {
    private DeviceClient client;
    private final String cs;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public V2LocalAndAnonymous(String cs) {
        this.cs = cs;
    }

    public void start() throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        class Reconnector implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (!IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())) {
                    return;
                }
                if (IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                    return;
                }
                pool.submit(() -> {
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
                    client.open(false);
                    return null;
                });
            }
        }
        client.setConnectionStatusChangeCallback(new Reconnector(), null);
        client.open(false);
    }

    public void startSecondary(DeviceClient secondary) {
        secondary.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                    // expect: IotHubReconnectOnCallbackThread
                    secondary.close();
                }
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    // expect: IotHubReconnectOnCallbackThread
                    Optional.ofNullable(client).ifPresent(DeviceClient::close);
                }
            }
        }, null);
    }
}
