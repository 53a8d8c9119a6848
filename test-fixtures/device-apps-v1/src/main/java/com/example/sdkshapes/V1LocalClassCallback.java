package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;

/** 1.x: a local class implements the callback and calls a same-class helper synchronously. */
public class V1LocalClassCallback {
    private final DeviceClient client;

    public V1LocalClassCallback(DeviceClient client) {
        this.client = client;
    }

    public void start() throws IOException {
        class Watcher implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
                if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                    restart();
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new Watcher(), null);
        client.open();
    }

    private void restart() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
