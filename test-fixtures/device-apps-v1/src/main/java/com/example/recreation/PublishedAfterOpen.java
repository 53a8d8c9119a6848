package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Clients replaced from a failed send (a send-confirmation callback): a helper that closes the field and then sets it to null
 * leaves nothing open in it, while a client opened in a local and only then published to the field replaces the
 * field's open client.
 */
public class PublishedAfterOpen implements IotHubEventCallback
{
    private final String cs = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    private DeviceClient deviceClient;
    private DeviceClient published;
    private DeviceClient backup;

    @Override
    public void execute(IotHubStatusCode status, Object context)
    {
        if (status != IotHubStatusCode.OK)
        {
            try
            {
                recreate();
                publishFresh();
                publishBackup();
                publishOpened();
            }
            catch (IOException | URISyntaxException e)
            {
                System.err.println(e);
            }
        }
    }

    private void recreate() throws IOException, URISyntaxException
    {
        closeDeviceClient();
        // quiet: check 4 - closeDeviceClient() closed the field's client before setting it to null
        deviceClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        deviceClient.open();
    }

    private void closeDeviceClient()
    {
        if (deviceClient != null)
        {
            try
            {
                deviceClient.close();
            }
            catch (IOException e)
            {
                System.err.println(e);
            }
            deviceClient = null;
        }
    }

    private void publishFresh() throws IOException, URISyntaxException
    {
        DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        fresh.open();
        // expect: IotHubClientReplacedWithoutClose
        this.published = fresh;
    }

    private void publishBackup() throws IOException, URISyntaxException
    {
        DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        if (backup != null)
        {
            try
            {
                backup.close();
            }
            catch (IOException e)
            {
                System.err.println(e);
            }
        }
        fresh.open();
        // quiet: check 4 - the previous backup is closed before the new one is published
        backup = fresh;
    }

    private void publishOpened() throws IOException
    {
        DeviceClient opened = null;
        try
        {
            opened = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
            opened.open();
        }
        catch (IOException | URISyntaxException e)
        {
            if (opened != null)
            {
                opened.closeNow();
            }
            throw new IOException("cannot connect", e);
        }
        // expect: IotHubClientReplacedWithoutClose
        published = opened;
    }
}
