package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** 1.x: the enclosing class is the callback; != with early exit; hand-off to a Thread. */
public class V1Handoffs implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;

    public V1Handoffs(String cs) throws URISyntaxException, IOException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, this);
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        // expect: IotHubReopenAfterClientClose
        if (status != IotHubConnectionStatus.DISCONNECTED) return;
        new Thread(this::reconnect, "reconnect").start();
    }

    private void reconnect() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
