package com.example.statuscallback.helpercondition;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/** The legacy sample's shouldDeviceReconnect, edited to reconnect on any status but CONNECTED. */
public class ReconnectPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;

    public ReconnectPolicy(DeviceClient client) {
        this.client = client;
        client.registerConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason statusChangeReason,
                        Throwable throwable, Object callbackContext) {
        // expect: IotHubReopenAfterClientClose
        if (shouldDeviceReconnect(status)) {
            new Thread(this::reconnect, "reconnect").start();
        }
    }

    private boolean shouldDeviceReconnect(IotHubConnectionStatus status) {
        return status != IotHubConnectionStatus.CONNECTED;
    }

    private void reconnect() {
        try {
            client.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e.getMessage());
        }
    }
}
