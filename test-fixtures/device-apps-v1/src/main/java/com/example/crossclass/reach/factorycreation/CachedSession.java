package com.example.crossclass.reach.factorycreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** A session a factory may hand out more than once. */
public class CachedSession {
    private final DeviceClient client;

    CachedSession(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }
}
