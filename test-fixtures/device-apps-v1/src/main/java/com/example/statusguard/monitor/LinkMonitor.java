package com.example.statusguard.monitor;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Reusable status holder shared by several components of the agent. */
public class LinkMonitor {
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean connected;

    public void attach(DeviceClient client) {
        client.registerConnectionStatusChangeCallback((s, reason, t, ctx) -> {
            status = s;
            connected = s == IotHubConnectionStatus.CONNECTED;
        }, null);
    }

    public IotHubConnectionStatus getStatus() {
        return status;
    }

    public boolean isConnected() {
        return connected;
    }
}
