package com.example.statuscallback.helpercondition;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reconnect decision in a helper that leaves early for every other status: its only {@code return true} runs
 * under DISCONNECTED (and not after the app's own close). A second helper returns true for every status but
 * DISCONNECTED: no guard.
 */
public class EarlyExitPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public EarlyExitPolicy(DeviceClient client) {
        this.client = client;
        client.registerConnectionStatusChangeCallback(this, null);
    }

    static boolean lostForGood(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
        if (status != IotHubConnectionStatus.DISCONNECTED) {
            return false;
        }
        if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            return false;
        }
        return true;
    }

    static boolean linkStillHeld(IotHubConnectionStatus status) {
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            return false;
        }
        return true;
    }

    @Override
    public void execute(
            IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        // quiet: check 5 - the helper's only true return runs under DISCONNECTED and not CLIENT_CLOSE
        if (lostForGood(status, reason)) {
            pool.submit(this::reconnect);
        } else if (linkStillHeld(status)) {
            pool.submit(this::refreshLink);
        }
    }

    private void reconnect() {
        try {
            client.closeNow();
            // quiet: check 1 - guarded by lostForGood(...) in the callback; check 3 - handed off to the pool
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e);
        }
    }

    /** "Refreshes" a link the SDK still owns (CONNECTED or DISCONNECTED_RETRYING): the mistake check 1 is for. */
    private void refreshLink() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e);
        }
    }
}
