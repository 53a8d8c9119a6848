package com.example.crossclass.reach.aliasclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** The same, with the callback removed from the local copy before its close: CLIENT_CLOSE never arrives. */
public class Door {
    private DeviceClient client;

    public Door(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(context -> {
            // quiet: check 5 - the callback is removed before every close of this client
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                new Thread(this::reconnect).start();
            }
        }, null);
    }

    private void reconnect() {
        client.setConnectionStatusChangeCallback(null, null);
        // quiet: handed off from the callback; the close comes first
        client.close();
        try {
            // quiet: check 1 - guarded by the callback's DISCONNECTED check
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e.getMessage());
        }
    }

    public void shutdown() {
        DeviceClient toClose = client;
        toClose.setConnectionStatusChangeCallback(null, null);
        // quiet: removed first
        toClose.close();
    }
}
