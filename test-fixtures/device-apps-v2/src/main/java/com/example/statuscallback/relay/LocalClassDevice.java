package com.example.statuscallback.relay;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Local class as status callback, closing on the callback thread. */
class LocalClassDevice {

    private final DeviceClient client;

    LocalClassDevice(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
    }

    void init() throws IotHubClientException {
        class Watchdog implements IotHubConnectionStatusChangeCallback {
            private int drops;

            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                // quiet (check 5): the guard dominates only a close, and check 5 needs "a reconnect (an open(), a client creation, or a call or hand-off that reaches one)"
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    drops++;
                    // a close on the callback thread (check 3); no reconnect is dominated, so no check 5
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                }
            }

            int drops() {
                return drops;
            }
        }
        client.setConnectionStatusChangeCallback(new Watchdog(), null);
        // quiet: "Never report a single start-up open() (one that no retry construct re-attempts)"
        client.open(false);
    }
}
