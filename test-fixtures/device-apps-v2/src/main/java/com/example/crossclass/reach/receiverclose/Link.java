package com.example.crossclass.reach.receiverclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A link whose supervisor (another class) resets it before each connection attempt, or after a failed one. */
public class Link {
    private final DeviceClient client;

    public Link(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void reset() {
        // quiet: a close in a retry, before the next attempt
        client.close();
    }

    void connect() throws IotHubClientException {
        // quiet: the supervisor's link.reset() closes this client before each attempt, or in the catch
        client.open(false);
    }
}
