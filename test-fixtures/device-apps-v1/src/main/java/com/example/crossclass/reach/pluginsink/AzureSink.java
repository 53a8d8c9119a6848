package com.example.crossclass.reach.pluginsink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.function.Consumer;

/** The module's Azure implementation of a library type: it opens its client on every message. */
public class AzureSink implements Consumer<String>
{
    private final DeviceClient client;

    AzureSink(String connectionString) throws URISyntaxException
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    public void accept(String message)
    {
        try
        {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
            client.sendEventAsync(new Message(message), null, null);
        }
        catch (IOException e)
        {
            System.err.println(e);
        }
    }
}
