package com.example.crossclass.reach.producedimpl;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** A container-managed status callback that recovers the link on its own thread: the recovery runs there. */
@Singleton
class StatusCallback implements IotHubConnectionStatusChangeCallback {
    private final LinkRecovery recovery;

    StatusCallback(LinkRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            recovery.recover();
        }
    }
}
