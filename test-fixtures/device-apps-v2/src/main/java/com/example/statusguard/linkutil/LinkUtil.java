package com.example.statusguard.linkutil;

import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Shared helpers of the device-agent library. */
public final class LinkUtil {
    private LinkUtil() {
    }

    public static boolean isDisconnected(IotHubConnectionStatus status) {
        return status == IotHubConnectionStatus.DISCONNECTED;
    }
}
