package com.example.statuscallback.helpercondition;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** The reconnect decision lives in helper methods; the first also admits the statuses in which the SDK retries. */
public class ReconnectPolicy implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;

    public ReconnectPolicy(DeviceClient client) {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        // expect: IotHubReopenAfterClientClose
        if (shouldReconnect(context.getNewStatus())) {
            reconnect();
        }
    }

    private boolean shouldReconnect(IotHubConnectionStatus status) {
        return status == IotHubConnectionStatus.DISCONNECTED || status == IotHubConnectionStatus.DISCONNECTED_RETRYING;
    }

    private void reconnect() {
        new Thread(() -> {
            client.close();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("reconnect failed: " + e.getMessage());
            }
        }, "reconnect").start();
    }

    /** The same decision done right: only DISCONNECTED, never after the app's own close. Quiet. */
    public static class CarefulPolicy implements IotHubConnectionStatusChangeCallback {
        private final DeviceClient client;

        public CarefulPolicy(DeviceClient client) {
            this.client = client;
            client.setConnectionStatusChangeCallback(this, null);
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext context) {
            if (isLostForGood(context.getNewStatus(), context.getNewStatusReason())) {
                new Thread(this::reconnect, "reconnect").start();
            }
        }

        private boolean isLostForGood(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
            return status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
        }

        private void reconnect() {
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("reconnect failed: " + e.getMessage());
            }
        }
    }
}
