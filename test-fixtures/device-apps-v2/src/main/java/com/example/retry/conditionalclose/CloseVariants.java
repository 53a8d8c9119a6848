package com.example.retry.conditionalclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.logging.Logger;

/** Where and when the failed attempt gets closed. */
public class CloseVariants
{
    private static final Logger LOG = Logger.getLogger(CloseVariants.class.getName());

    private final DeviceClient a;
    private final DeviceClient b;
    private final DeviceClient c;
    private final DeviceClient d;

    public CloseVariants(String cs)
    {
        a = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        b = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        d = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
    }

    /** Correct: finally closes unless connected. */
    public void finallyClose() throws InterruptedException
    {
        boolean connected = false;
        for (int attempt = 0; attempt < 10 && !connected; attempt++)
        {
            try
            {
                a.open(true);
                connected = true;
            }
            catch (IotHubClientException e)
            {
                LOG.warning("attempt " + attempt + ": " + e.getStatusCode());
            }
            finally
            {
                if (!connected)
                {
                    a.close();
                }
            }
            if (!connected)
            {
                Thread.sleep(1000);
            }
        }
    }

    /** Correct: every attempt after the first starts with a close. */
    public void closeFromSecondAttempt() throws InterruptedException
    {
        int attempt = 0;
        while (true)
        {
            try
            {
                if (attempt > 0)
                {
                    b.close();
                }
                b.open(false);
                break;
            }
            catch (IotHubClientException e)
            {
                attempt++;
                Thread.sleep(500L * attempt);
            }
        }
    }

    /** Bug: only an UNAUTHORIZED failure is cleaned up before retrying. */
    public void closeOnlyOnAuthFailure() throws InterruptedException
    {
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                c.open(false);
                return;
            }
            catch (IotHubClientException e)
            {
                if (e.getStatusCode() == IotHubStatusCode.UNAUTHORIZED)
                {
                    c.close();
                }
                Thread.sleep(1000L * attempt);
            }
        }
    }

    /** Correct: close wrapped defensively although 2.x close() does not throw. */
    public void defensiveClose() throws InterruptedException
    {
        int attempt = 0;
        do
        {
            try
            {
                d.open(true);
                return;
            }
            catch (IotHubClientException e)
            {
                try
                {
                    d.close();
                }
                catch (Exception closeError)
                {
                    LOG.fine("close failed: " + closeError);
                }
            }
            Thread.sleep(250);
        }
        while (++attempt < 8);
    }
}
