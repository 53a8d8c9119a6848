package com.example.statuscallback.helpercondition;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The reconnect decision in a helper that leaves early on CONNECTED only: its {@code return true} also runs on
 * DISCONNECTED_RETRYING, while the SDK is reconnecting, and on the app's own close.
 */
public class ExitOnConnectedPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public ExitOnConnectedPolicy(DeviceClient client) {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, null);
    }

    static boolean lostLink(IotHubConnectionStatus status) {
        if (status == IotHubConnectionStatus.CONNECTED) {
            return false;
        }
        return true;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        // expect: IotHubReopenAfterClientClose
        if (lostLink(context.getNewStatus())) {
            pool.execute(this::reconnect);
        }
    }

    private void reconnect() {
        client.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e.getMessage());
        }
    }
}
