package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** A top-level named class implementing the callback; the client is passed as the callback context. */
public class NamedStatusHandler implements IotHubConnectionStatusChangeCallback {
    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        DeviceClient owner = (DeviceClient) ctx.getCallbackContext();
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                owner.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }
    }

    static void register(DeviceClient client) {
        client.setConnectionStatusChangeCallback(new NamedStatusHandler(), client);
    }
}
