package com.example.crossclass.reach.aliasclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** A locker wall: its shutdown closes a local copy of the client without removing the callback first. */
public class Wall {
    private DeviceClient client;

    public Wall(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(context -> {
            // expect: IotHubReopenAfterClientClose
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
        // quiet: a close of the app's own (the callback's guard is the finding)
        toClose.close();
    }
}
