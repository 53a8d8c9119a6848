package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients replaced from a scheduler: a helper that closes the field and then sets it to null
 * leaves nothing open in it, while a client opened in a local and only then published to the field replaces the
 * field's open client.
 */
public class PublishedAfterOpen
{
    private final String cs = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    private DeviceClient deviceClient;
    private DeviceClient published;
    private DeviceClient backup;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public void start()
    {
        timer.scheduleWithFixedDelay(this::refresh, 0, 60, TimeUnit.SECONDS);
    }

    private void refresh()
    {
        try
        {
            recreate();
            publishFresh();
            publishBackup();
            publishOpened();
        }
        catch (IotHubClientException e)
        {
            System.err.println(e);
        }
    }

    private void recreate() throws IotHubClientException
    {
        closeDeviceClient();
        // quiet: check 4 - closeDeviceClient() closed the field's client before setting it to null
        deviceClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        deviceClient.open(false);
    }

    private void closeDeviceClient()
    {
        if (deviceClient != null)
        {
            deviceClient.close();
            deviceClient = null;
        }
    }

    private void publishFresh() throws IotHubClientException
    {
        DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        fresh.open(false);
        // expect: IotHubClientReplacedWithoutClose
        this.published = fresh;
    }

    private void publishBackup() throws IotHubClientException
    {
        DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        if (backup != null)
        {
            backup.close();
        }
        fresh.open(false);
        // quiet: check 4 - the previous backup is closed before the new one is published
        backup = fresh;
    }

    private void publishOpened()
    {
        DeviceClient opened = null;
        try
        {
            opened = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
            opened.open(false);
        }
        catch (IotHubClientException e)
        {
            if (opened != null)
            {
                opened.close();
            }
            return;
        }
        // expect: IotHubClientReplacedWithoutClose
        published = opened;
    }
}
