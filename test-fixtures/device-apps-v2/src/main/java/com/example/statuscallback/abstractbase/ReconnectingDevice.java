package com.example.statuscallback.abstractbase;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Template base class: the callback reconnects synchronously through abstract hooks. */
public abstract class ReconnectingDevice implements IotHubConnectionStatusChangeCallback {
    protected abstract DeviceClient client();

    protected abstract void openClient() throws IotHubClientException;

    protected abstract void closeClient();

    public void connect() throws IotHubClientException {
        client().setConnectionStatusChangeCallback(this, null);
        openClient();
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            closeClient();
            try {
                openClient();
            } catch (IotHubClientException e) {
                System.out.println("reconnect failed: " + e.getMessage());
            }
        }
    }

    /** Not callback code: "Other methods of a class that implements the interface are not callback code". */
    public void shutdown() {
        closeClient();
    }
}
