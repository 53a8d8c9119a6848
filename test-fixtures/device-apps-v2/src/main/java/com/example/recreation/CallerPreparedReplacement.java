package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

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

    public void start() throws IotHubClientException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(context -> {
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                new Thread(() -> {
                    client.close();
                    recreate();
                }).start();
            }
        }, null);
        client.open(false);
    }

    private void recreate()
    {
        // quiet: check 4 - the only caller closed the old client just before calling this
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        openQuietly(client);
    }

    public void startSpare()
    {
        new Thread(() -> {
            if (spare != null)
            {
                return;
            }
            initSpare();
        }).start();
        new Thread(this::initSpareAgain).start();
    }

    private void initSpare()
    {
        // quiet: check 4 - called only while no spare client exists
        spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        openQuietly(spare);
    }

    private void initSpareAgain()
    {
        // expect: IotHubClientReplacedWithoutClose
        spare = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        openQuietly(spare);
    }

    private static void openQuietly(DeviceClient device)
    {
        try
        {
            device.open(false);
        }
        catch (IotHubClientException e)
        {
            System.err.println(e);
        }
    }
}
