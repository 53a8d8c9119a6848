package com.example.crossclass.reach.factorycreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.Closeable;
import java.io.IOException;
import java.net.URISyntaxException;

/** A session made only by {@link SessionFactory}: its client is made with it. */
public class UplinkSession implements Closeable {
    private final DeviceClient client;

    UplinkSession(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws IOException {
        // quiet: the factory every caller gets the session from constructs it, and so its client (exemption b)
        client.open();
    }

    @Override
    public void close() throws IOException {
        client.closeNow();
    }
}
