package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Replacements prepared by the caller: a status callback's reconnect thread closes the old client before it calls
 * the method that creates the new one, and a connect thread calls its set-up only while no client exists. A call
 * with neither replaces an open client.
 */
public class CallerPreparedReplacement
{
    private final String cs = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    private DeviceClient client;
    private DeviceClient spare;

    public void start() throws IOException, URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                new Thread(() -> {
                    try
                    {
                        client.closeNow();
                        recreate();
                    }
                    catch (IOException | URISyntaxException e)
                    {
                        System.err.println(e);
                    }
                }).start();
            }
        }, null);
        client.open();
    }

    private void recreate() throws IOException, URISyntaxException
    {
        // quiet: check 4 - the only caller closed the old client just before calling this
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.open();
    }

    public void startSpare()
    {
        new Thread(() -> {
            try
            {
                if (spare == null)
                {
                    initSpare();
                }
                initSpareAgain();
            }
            catch (IOException | URISyntaxException e)
            {
                System.err.println(e);
            }
        }).start();
    }

    private void initSpare() throws IOException, URISyntaxException
    {
        // quiet: check 4 - called only while no spare client exists
        spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        spare.open();
    }

    private void initSpareAgain() throws IOException, URISyntaxException
    {
        // expect: IotHubClientReplacedWithoutClose
        spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        spare.open();
    }
}
