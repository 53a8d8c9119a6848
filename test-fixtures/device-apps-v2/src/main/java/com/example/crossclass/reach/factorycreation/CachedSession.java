package com.example.crossclass.reach.factorycreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A session a factory may hand out more than once. */
public class CachedSession {
    private final DeviceClient client;

    CachedSession(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws IotHubClientException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(true);
    }
}
