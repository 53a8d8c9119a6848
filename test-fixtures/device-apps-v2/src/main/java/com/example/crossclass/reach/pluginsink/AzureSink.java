package com.example.crossclass.reach.pluginsink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.function.Consumer;

/** The module's Azure implementation of a library type: it opens its client on every message. */
public class AzureSink implements Consumer<String>
{
    private final DeviceClient client;

    AzureSink(String connectionString)
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    public void accept(String message)
    {
        try
        {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
            client.sendEventAsync(new Message(message), null, null);
        }
        catch (IotHubClientException e)
        {
            System.err.println(e);
        }
    }
}
