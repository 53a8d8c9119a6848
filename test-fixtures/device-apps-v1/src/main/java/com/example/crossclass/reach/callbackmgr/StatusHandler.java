package com.example.crossclass.reach.callbackmgr;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

public class StatusHandler implements IotHubConnectionStatusChangeCallback {
    private final Device device;

    public StatusHandler(Device device) {
        this.device = device;
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        System.out.println("status " + status + " because " + reason);
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            device.reconnect();
        }
    }
}
