package com.example.handoff.keptreconnect;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A boiler controller that keeps its recovery tasks in fields, and on every status change picks one by a setting, or
 * copies one into a local, before running it.
 */
public class BoilerController implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient boiler;
    private final DeviceClient burner;
    private final boolean autoRecover;
    private final Runnable idle = () -> { };
    private final Runnable recoverBoiler;
    private final Runnable releaseBurner;

    public BoilerController(DeviceClient boilerLink, DeviceClient burnerLink, boolean autoRecover) {
        this.boiler = boilerLink;
        this.burner = burnerLink;
        this.autoRecover = autoRecover;
        this.recoverBoiler = this::recover;
        this.releaseBurner = this::release;
        boilerLink.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        worker.execute(autoRecover ? recoverBoiler : idle);
        Runnable cleanup = releaseBurner;
        cleanup.run();
    }

    private void recover() {
        // quiet: runs on the worker thread, handed off by the callback through a conditional of two fields
        boiler.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            boiler.open(false);
        } catch (IotHubClientException e) {
            System.err.println("boiler reconnect failed: " + e.getMessage());
        }
    }

    private void release() {
        // expect: IotHubReconnectOnCallbackThread
        burner.close();
    }
}
