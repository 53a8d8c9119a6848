package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** A status-callback class in its own file that reconnects through the device manager, on the callback thread. */
public class StatusWatcher implements IotHubConnectionStatusChangeCallback {
    private final DeviceManager device;

    public StatusWatcher(DeviceManager device) {
        this.device = device;
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable,
                        Object callbackContext) {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            device.reconnect();
        }
    }
}
