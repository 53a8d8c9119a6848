package com.example.handoff.keptreconnect;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A boiler controller that keeps its recovery tasks in fields, and on every status change picks one by a setting, or
 * copies one into a local, before running it.
 */
public class BoilerController {
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
        boilerLink.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            Runnable next = autoRecover ? recoverBoiler : idle;
            worker.submit(next);
            Runnable cleanup = releaseBurner;
            cleanup.run();
        }, null);
    }

    private void recover() {
        try {
            // quiet: runs on the worker thread, handed off by the callback through a local copied from a field
            boiler.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            boiler.open();
        } catch (IOException e) {
            System.err.println("boiler reconnect failed: " + e.getMessage());
        }
    }

    private void release() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            burner.closeNow();
        } catch (IOException e) {
            System.err.println("burner release failed: " + e.getMessage());
        }
    }
}
