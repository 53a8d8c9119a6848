package com.example.crossclass.reach.receiverclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A feed whose supervisor resets the standby feed, not this one, between attempts. */
public class Feed {
    private final DeviceClient client;

    public Feed(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void reset() {
        // quiet: a close in a retry, before the next attempt of the standby feed's own connect
        client.close();
    }

    void connect() throws IotHubClientException {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
    }
}
