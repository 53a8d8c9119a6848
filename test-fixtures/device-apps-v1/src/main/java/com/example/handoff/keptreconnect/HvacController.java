package com.example.handoff.keptreconnect;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HVAC controller whose status callback picks the task to hand to its worker with a conditional. */
public class HvacController {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient hvac;

    public HvacController(DeviceClient hvac) {
        this.hvac = hvac;
        hvac.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            boolean lost = status == IotHubConnectionStatus.DISCONNECTED
                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
            worker.submit(lost ? () -> reconnect() : () -> logStatus());
            Runnable after = lost ? this::logStatus : this::dropIfIdle;
            after.run();
        }, null);
    }

    private void logStatus() {
        System.out.println("hvac link changed");
    }

    private void reconnect() {
        try {
            // quiet: runs on the worker thread, handed off by the callback through a conditional
            hvac.closeNow();
            // quiet: runs on the worker thread, after a close, on a DISCONNECTED guard
            hvac.open();
        } catch (IOException e) {
            System.err.println("hvac reconnect failed: " + e.getMessage());
        }
    }

    private void dropIfIdle() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            hvac.closeNow();
        } catch (IOException e) {
            System.err.println(e.getMessage());
        }
    }
}
