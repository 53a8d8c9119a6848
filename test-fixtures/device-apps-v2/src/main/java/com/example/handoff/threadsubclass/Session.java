package com.example.handoff.threadsubclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Opens its client in the constructor; constructed from main and from a message callback. */
public class Session {
    private final DeviceClient client;

    Session(String connectionString) {
        // quiet: check 4(a) — a constructor's own field of a new object cannot "still hold an open client"
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        try {
            // quiet: "a constructor a re-entry site reaches is re-entry code", but "(b) the client was created earlier in the same method" and no path starts in a status callback
            client.open(false);
        } catch (IotHubClientException e) {
            throw new IllegalStateException(e);
        }
    }

    void end() {
        client.close();
    }
}
