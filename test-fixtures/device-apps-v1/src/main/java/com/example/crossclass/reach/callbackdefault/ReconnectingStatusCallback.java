package com.example.crossclass.reach.callbackdefault;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Mix-in: implementers only say how to restart; the default callback decides when. */
public interface ReconnectingStatusCallback extends IotHubConnectionStatusChangeCallback {

    void restartLink();

    default void onLinkEvent(String event) {
        System.out.println(event);
    }

    @Override
    default void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                         Throwable cause, Object context) {
        onLinkEvent(status + "/" + reason);
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            restartLink();
        }
    }
}
