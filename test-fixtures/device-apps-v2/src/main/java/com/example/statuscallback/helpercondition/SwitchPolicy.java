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
 * The reconnect decision is a switch on the status in a helper: true only under DISCONNECTED, and then only when the
 * app did not close the client itself. The call is the guard and the exclusion. Quiet.
 */
public class SwitchPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public SwitchPolicy(DeviceClient client) {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, null);
    }

    static boolean shouldReconnect(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
        switch (status) {
            case DISCONNECTED:
                return reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
            default:
                return false;
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        // quiet: check 5 - the helper returns true only under case DISCONNECTED, with the CLIENT_CLOSE exclusion
        if (shouldReconnect(context.getNewStatus(), context.getNewStatusReason())) {
            pool.execute(this::reconnect);
        }
    }

    private void reconnect() {
        client.close();
        try {
            // quiet: check 1 - guarded by the helper call in the callback; check 3 - handed off to the pool
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e.getMessage());
        }
    }
}
