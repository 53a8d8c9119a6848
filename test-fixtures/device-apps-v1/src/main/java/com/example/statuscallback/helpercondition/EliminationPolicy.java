package com.example.statuscallback.helpercondition;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reconnect decision in a helper that rules the other statuses out one early exit at a time: it returns true only
 * on DISCONNECTED, so the call is a DISCONNECTED guard. It never looks at the reason, so the app's own close reopens
 * the client.
 */
public class EliminationPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public EliminationPolicy(DeviceClient client) {
        this.client = client;
        client.registerConnectionStatusChangeCallback(this, null);
    }

    static boolean linkDown(IotHubConnectionStatus status) {
        if (status == IotHubConnectionStatus.CONNECTED) {
            return false;
        }
        if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            return false;
        }
        return true;
    }

    @Override
    public void execute(
            IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        // expect: IotHubReopenAfterClientClose
        if (linkDown(status)) {
            pool.submit(this::reconnect);
        }
    }

    private void reconnect() {
        try {
            client.closeNow();
            // quiet: check 1 - guarded by linkDown(...) in the callback; check 3 - handed off to the pool
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e);
        }
    }
}
