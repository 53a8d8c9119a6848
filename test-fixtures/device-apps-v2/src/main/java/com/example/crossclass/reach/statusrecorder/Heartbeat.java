package com.example.crossclass.reach.statusrecorder;

import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.TimerTask;

public class Heartbeat extends TimerTask {
    private final Uplink uplink;
    private int notConnectedTicks;

    public Heartbeat(Uplink uplink) {
        this.uplink = uplink;
    }

    @Override
    public void run() {
        try {
            if (uplink.lastStatus() == IotHubConnectionStatus.DISCONNECTED) {
                uplink.reopen();
            } else if (uplink.lastStatus() != IotHubConnectionStatus.CONNECTED && ++notConnectedTicks > 10) {
                notConnectedTicks = 0;
                uplink.forceReopen();
            }
        } catch (IotHubClientException e) {
            System.err.println("heartbeat reopen failed: " + e.getMessage());
        }
    }
}
