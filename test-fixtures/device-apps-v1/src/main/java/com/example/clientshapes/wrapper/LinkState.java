package com.example.clientshapes.wrapper;

import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Status model; isDown is configured through -XepOpt:IotHub:GuardMethods. */
public final class LinkState {
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public void update(IotHubConnectionStatus newStatus) {
        this.status = newStatus;
    }

    public boolean isDown() {
        return status == IotHubConnectionStatus.DISCONNECTED;
    }

    public static boolean isDown(IotHubConnectionStatus s) {
        return s == IotHubConnectionStatus.DISCONNECTED;
    }
}
