package com.example.crossclass.reach.multicond;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

public class Link {
    private final String name;
    private final DeviceClient client;

    public Link(String name, String connectionString) {
        this.name = name;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    DeviceClient client() {
        return client;
    }

    void start() throws IotHubClientException {
        // quiet: single start-up open (Main, once per link)
        client.open(false);
    }

    /** Handed to the pool by the status callbacks in Wiring. */
    void restart() {
        System.out.println(name + ": restarting");
        client.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(name + ": restart failed: " + e.getMessage());
        }
    }
}
