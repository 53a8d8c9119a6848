package com.example.retry.helper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.time.Duration;

/** Retries that wrap small open helpers. */
public class OpenHelper
{
    private final String cs;
    private final DeviceClient shared;

    public OpenHelper(String cs)
    {
        this.cs = cs;
        this.shared = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    private DeviceClient buildAndOpen() throws IotHubClientException
    {
        DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        // expect: IotHubOpenRetryWithoutClose
        c.open(true);
        return c;
    }

    private DeviceClient buildAndOpenSafely() throws IotHubClientException
    {
        DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        try
        {
            c.open(true);
            return c;
        }
        catch (IotHubClientException e)
        {
            c.close();
            throw e;
        }
    }

    /** Bug: each failed attempt leaves the helper's client half-open. */
    public DeviceClient connectNew(int maxAttempts) throws InterruptedException
    {
        for (int i = 1; i <= maxAttempts; i++)
        {
            try
            {
                return buildAndOpen();
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(Duration.ofSeconds(i).toMillis());
            }
        }
        throw new IllegalStateException("no connection");
    }

    /** Correct: the helper closes its own failed client. */
    public DeviceClient connectNewSafely(int maxAttempts) throws InterruptedException
    {
        for (int i = 1; i <= maxAttempts; i++)
        {
            try
            {
                return buildAndOpenSafely();
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(Duration.ofSeconds(i).toMillis());
            }
        }
        throw new IllegalStateException("no connection");
    }

    private void reopenShared() throws IotHubClientException
    {
        shared.close();
        shared.open(false);
    }

    /** Correct: the helper closes before it opens. */
    public void connectShared() throws InterruptedException
    {
        boolean ok = false;
        while (!ok)
        {
            try
            {
                reopenShared();
                ok = true;
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(2_000);
            }
        }
    }
}
