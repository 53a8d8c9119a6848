package com.example.statuscallback.irrigation;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Top-level status callback class of the valve node. */
public class ValveLinkHandler implements IotHubConnectionStatusChangeCallback {
    private final ValveNode node;
    private int failures;

    public ValveLinkHandler(ValveNode node) {
        this.node = node;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        node.setStatus(ctx.getNewStatus());
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
            node.restartConnection();
        }
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            countFailure();
        }
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && failures > 10) {
            node.restartConnection();
        }
    }

    private void countFailure() {
        failures++;
        if (failures > 3) {
            escalate();
        }
    }

    private void escalate() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            node.getClient().open(false);
        } catch (IotHubClientException e) {
            System.err.println("escalation failed: " + e.getStatusCode());
        }
    }
}
