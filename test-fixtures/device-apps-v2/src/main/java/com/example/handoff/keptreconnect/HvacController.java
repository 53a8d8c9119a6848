package com.example.handoff.keptreconnect;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HVAC controller whose status callback picks the task to hand to its worker with a conditional. */
public class HvacController implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient hvac;

    public HvacController(DeviceClient hvac) {
        this.hvac = hvac;
        hvac.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        boolean lost = context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
        worker.execute(lost ? this::reconnect : this::logStatus);
        Runnable after = lost ? this::logStatus : this::dropIfIdle;
        after.run();
    }

    private void logStatus() {
        System.out.println("hvac link changed");
    }

    private void reconnect() {
        // quiet: runs on the worker thread, handed off by the callback through a conditional
        hvac.close();
        try {
            // quiet: runs on the worker thread, after a close, on a DISCONNECTED guard
            hvac.open(false);
        } catch (IotHubClientException e) {
            System.err.println("hvac reconnect failed: " + e.getMessage());
        }
    }

    private void dropIfIdle() {
        // expect: IotHubReconnectOnCallbackThread
        hvac.close();
    }
}
