package com.example.statuscallback.helpercondition;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reconnect decision in a helper that rules the other statuses out with an if/else-if chain of early exits: true
 * only on DISCONNECTED, and the callback adds the CLIENT_CLOSE exclusion. Quiet.
 */
public class EliminationPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public EliminationPolicy(DeviceClient client) {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, null);
    }

    static boolean linkDown(ConnectionStatusChangeContext change) {
        IotHubConnectionStatus status = change.getNewStatus();
        if (status == IotHubConnectionStatus.CONNECTED) {
            return false;
        } else if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            return false;
        }
        return true;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        // quiet: check 5 - linkDown(...) is the DISCONNECTED guard, the reason test the CLIENT_CLOSE exclusion
        if (linkDown(context) && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            pool.execute(this::reconnect);
        }
    }

    private void reconnect() {
        client.close();
        try {
            // quiet: check 1 - guarded by linkDown(...) in the callback; check 3 - handed off to the pool
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e.getMessage());
        }
    }
}
