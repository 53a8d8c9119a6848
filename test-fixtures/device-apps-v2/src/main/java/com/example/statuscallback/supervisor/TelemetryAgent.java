package com.example.statuscallback.supervisor;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Enclosing class as callback; the callback calls restart() synchronously. */
class TelemetryAgent implements IotHubConnectionStatusChangeCallback {

    private final DeviceClient client;

    TelemetryAgent(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, null);
    }

    void start() throws IotHubClientException {
        // quiet: not the interface method, start-up code
        client.open(false);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            restart();
        }
    }

    private void restart() {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("restart failed: " + e.getMessage());
        }
    }
}
