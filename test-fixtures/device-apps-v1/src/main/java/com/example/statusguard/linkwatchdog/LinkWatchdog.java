package com.example.statusguard.linkwatchdog;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** A watchdog thread that polls the link state the callback keeps up to date. */
public class LinkWatchdog implements Runnable
{
    private final DeviceClient client;
    private final DeviceClient auxClient;
    private volatile boolean running = true;
    private volatile boolean online;
    private volatile IotHubConnectionStatus auxStatus = IotHubConnectionStatus.DISCONNECTED;

    public LinkWatchdog(String cs, String auxCs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        auxClient = new DeviceClient(auxCs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> online = status == IotHubConnectionStatus.CONNECTED, null);
        auxClient.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> auxStatus = status, null);
    }

    /** Fine: tracked state guard on a loop that keeps running. */
    @Override
    public void run()
    {
        while (running)
        {
            if (!online)
            {
                try
                {
                    client.open();
                }
                catch (IOException e)
                {
                    System.err.println("watchdog: open failed " + e);
                }
            }
            pause();
        }
    }

    /** Bug (check 1): "!= CONNECTED" also admits DISCONNECTED_RETRYING. */
    public void runAux()
    {
        while (running)
        {
            if (auxStatus != IotHubConnectionStatus.CONNECTED)
            {
                try
                {
                    // expect: IotHubOpenWithoutStatusGuard
                    auxClient.open();
                }
                catch (IOException e)
                {
                    System.err.println("aux open failed " + e);
                }
            }
            pause();
        }
    }

    public void stop()
    {
        running = false;
    }

    private void pause()
    {
        try
        {
            Thread.sleep(15_000);
        }
        catch (InterruptedException e)
        {
            running = false;
        }
    }
}
