package com.example.statuscallback.relay;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** A default method of an interface extending the callback interface is the status callback of its implementers. */
interface AutoReconnecting extends IotHubConnectionStatusChangeCallback {

    DeviceClient deviceClient();

    @Override
    default void onStatusChanged(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                deviceClient().open(false);
            } catch (IotHubClientException e) {
                System.err.println("kiosk reopen failed: " + e.getMessage());
            }
        }
    }
}

class KioskDisplay implements AutoReconnecting {

    private final DeviceClient client;

    KioskDisplay(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    @Override
    public DeviceClient deviceClient() {
        return client;
    }

    void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this, null);
        // quiet: start() is not the interface method (the default onStatusChanged is), start-up code
        client.open(false);
    }
}
