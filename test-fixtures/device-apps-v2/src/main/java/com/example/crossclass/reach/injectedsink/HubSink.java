package com.example.crossclass.reach.injectedsink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.util.function.Consumer;

/** The module's Azure implementation of a JDK interface: it opens its client on every message. */
public class HubSink implements Consumer<String>
{
    private final DeviceClient client;

    public HubSink(String connectionString) throws Exception
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
        catch (Exception e)
        {
            System.err.println("send failed: " + e.getMessage());
        }
    }
}
