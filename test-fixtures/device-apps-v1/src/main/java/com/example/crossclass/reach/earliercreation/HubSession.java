package com.example.crossclass.reach.earliercreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.Closeable;
import java.io.IOException;
import java.net.URISyntaxException;

/** One session per heartbeat, with the client made when the session is. */
public class HubSession implements Closeable {
    private final DeviceClient client;

    public HubSession(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void connect() throws IOException {
        // quiet: every caller constructs the session, and so its client, just before (exemption b)
        client.open();
    }

    @Override
    public void close() throws IOException {
        client.closeNow();
    }
}
