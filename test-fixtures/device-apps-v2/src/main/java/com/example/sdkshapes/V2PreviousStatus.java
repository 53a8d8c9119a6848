package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** 2.x: getPreviousStatus vs getNewStatus; getCallbackContext cast back to the client. */
public class V2PreviousStatus implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;

    public V2PreviousStatus(DeviceClient client) throws IotHubClientException {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, client);
        client.open(false);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        DeviceClient c = (DeviceClient) ctx.getCallbackContext();
        if (ctx.getPreviousStatus() == IotHubConnectionStatus.DISCONNECTED) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                c.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
        if (ctx.getPreviousStatus() == IotHubConnectionStatus.CONNECTED && ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }
}
