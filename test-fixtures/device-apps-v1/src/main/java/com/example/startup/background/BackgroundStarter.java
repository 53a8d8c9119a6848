package com.example.startup.background;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Desktop agent: connects on a background thread so the UI stays responsive. */
public class BackgroundStarter
{
    private final DeviceClient client;
    private final DeviceClient configClient;

    public BackgroundStarter(String cs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        configClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
    }

    /**
     * Retry loop inside a lambda given to a Thread: per the contract that lambda is a re-entry site,
     * so the unguarded open() is check 1's (1 before 2).
     */
    public void startAsync()
    {
        new Thread(() -> {
            while (true)
            {
                try
                {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                    break;
                }
                catch (IOException e)
                {
                    try
                    {
                        Thread.sleep(5000);
                    }
                    catch (InterruptedException ie)
                    {
                        return;
                    }
                }
            }
        }, "iot-connect").start();
    }

    /** Correct: same shape, closing before every attempt. */
    public void startConfigAsync()
    {
        Thread t = new Thread(() -> {
            for (int i = 0; i < 10; i++)
            {
                try
                {
                    configClient.closeNow();
                    configClient.open();
                    return;
                }
                catch (IOException e)
                {
                    System.err.println("config link attempt " + i + " failed");
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
