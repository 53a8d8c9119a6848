package com.example.crossclass.reach.multiplexing;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Logs every status change of one multiplexed device (or of the multiplexed connection itself). */
public class DeviceStatusLogger implements IotHubConnectionStatusChangeCallback {
    private final String name;

    public DeviceStatusLogger(String name) {
        this.name = name;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        System.out.println(name + ": " + context.getPreviousStatus() + " -> " + context.getNewStatus()
                + " (" + context.getNewStatusReason() + ")");
        // quiet: check 5 - the DISCONNECTED condition dominates only logging, no reconnect
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && context.getCause() != null) {
            context.getCause().printStackTrace();
        }
    }
}
