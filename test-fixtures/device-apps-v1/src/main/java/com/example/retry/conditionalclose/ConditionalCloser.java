package com.example.retry.conditionalclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Conditional clean-up between connection attempts. */
public class ConditionalCloser
{
    private DeviceClient client;
    private final DeviceClient shadow;
    private final DeviceClient sensor;
    private final String cs;

    public ConditionalCloser(String cs) throws URISyntaxException
    {
        this.cs = cs;
        this.shadow = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        this.sensor = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
    }

    /** Correct: null-checked close of the previous instance before each new one. */
    public void connectRecreating() throws URISyntaxException, InterruptedException
    {
        while (true)
        {
            if (client != null)
            {
                try
                {
                    client.closeNow();
                }
                catch (IOException ignored)
                {
                    // ignore
                }
            }
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            try
            {
                client.open();
                break;
            }
            catch (IOException e)
            {
                Thread.sleep(1000);
            }
        }
    }

    /** Bug: only every third failure is cleaned up; the other retries re-open a half-open client. */
    public void connectSometimesClosing() throws InterruptedException
    {
        int attempt = 0;
        while (true)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                shadow.open();
                return;
            }
            catch (IOException e)
            {
                attempt++;
                if (attempt % 3 == 0)
                {
                    try
                    {
                        shadow.closeNow();
                    }
                    catch (IOException ignored)
                    {
                        // ignore
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Bug: an unchecked failure of open() is retried without a close; only IOException closes. */
    public void connectTypedCatch() throws InterruptedException
    {
        for (int i = 0; i < 5; i++)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                sensor.open();
                return;
            }
            catch (IOException e)
            {
                try
                {
                    sensor.closeNow();
                }
                catch (IOException ignored)
                {
                    // ignore
                }
            }
            catch (IllegalStateException e)
            {
                System.err.println("transport not ready, retrying: " + e.getMessage());
            }
            Thread.sleep(250);
        }
    }

    /** Bug: the first retries "continue" past the close; only the last-chance path closes. */
    public void connectContinuePastClose() throws InterruptedException
    {
        int attempt = 0;
        while (true)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                shadow.open(false);
                return;
            }
            catch (IOException e)
            {
                attempt++;
                if (attempt < 3)
                {
                    Thread.sleep(1000);
                    continue;
                }
                try
                {
                    shadow.closeNow();
                }
                catch (IOException ignored)
                {
                    // ignore
                }
                Thread.sleep(30_000);
                attempt = 0;
            }
        }
    }
}
