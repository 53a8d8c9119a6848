package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/** A top-level named class implementing the callback; the client is passed as the callback context. */
public class NamedStatusHandler implements IotHubConnectionStatusChangeCallback {
    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        DeviceClient owner = (DeviceClient) context;
        if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                owner.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }
    }

    static void register(DeviceClient client) {
        client.registerConnectionStatusChangeCallback(new NamedStatusHandler(), client);
    }
}
