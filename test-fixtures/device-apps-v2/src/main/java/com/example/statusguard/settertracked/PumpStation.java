package com.example.statusguard.settertracked;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Timer;
import java.util.TimerTask;

/**
 * A pump station whose status callback records the link through a setter; a watchdog reopens only when the recorded
 * link is down. The other watchdog trusts a flag the callback never sets.
 */
public class PumpStation {
    private final Timer timer = new Timer(true);
    private final DeviceClient client;
    private volatile boolean hubUp;
    private volatile boolean maintenance;

    public PumpStation(DeviceClient client) {
        this.client = client;
    }

    public void start() {
        client.setConnectionStatusChangeCallback(context -> setHubUp(context.getNewStatus() == IotHubConnectionStatus.CONNECTED), null);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                watch();
            }
        }, 60_000, 60_000);
    }

    private void watch() {
        try {
            if (!hubUp) {
                // quiet: check 1 - "tracked state - a boolean field assigned inside a status callback": the callback passes status == CONNECTED to setHubUp
                client.open(false);
            }
            if (!maintenance) {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            }
        } catch (IotHubClientException e) {
            System.err.println("pump station reconnect failed: " + e.getMessage());
        }
    }

    private void setHubUp(boolean up) {
        this.hubUp = up;
    }

    public void setMaintenance(boolean maintenance) {
        this.maintenance = maintenance;
    }
}
