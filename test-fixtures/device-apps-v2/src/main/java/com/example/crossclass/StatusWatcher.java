package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** A status-callback class in its own file that reconnects through the device manager, on the callback thread. */
public class StatusWatcher implements IotHubConnectionStatusChangeCallback {
    private final DeviceManager device;

    public StatusWatcher(DeviceManager device) {
        this.device = device;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        device.recordStatus(context.getNewStatus());
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            device.reconnect();
        }
    }
}
