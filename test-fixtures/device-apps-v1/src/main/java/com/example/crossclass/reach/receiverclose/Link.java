package com.example.crossclass.reach.receiverclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** A link whose supervisor (another class) resets it before each connection attempt. */
public class Link
{
    private final DeviceClient client;

    public Link(String connectionString) throws URISyntaxException
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void reset() throws IOException
    {
        // quiet: a close in a retry, before the next attempt
        client.closeNow();
    }

    void connect() throws IOException
    {
        // quiet: the supervisor's link.reset() closes this client before each attempt
        client.open();
    }
}
