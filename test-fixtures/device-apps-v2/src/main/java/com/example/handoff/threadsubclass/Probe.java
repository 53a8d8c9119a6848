package com.example.handoff.threadsubclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Opens, sends one probe message and closes, all in the constructor. */
public class Probe {
    private final DeviceClient client;

    Probe(String connectionString) {
        // quiet: check 4(a) — a constructor's own field of a new object cannot "still hold an open client"
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
            client.sendEvent(new Message("{\"probe\":true}"));
        } catch (IotHubClientException | InterruptedException e) {
            System.out.println("probe failed: " + e.getMessage());
        } finally {
            client.close();
        }
    }
}
