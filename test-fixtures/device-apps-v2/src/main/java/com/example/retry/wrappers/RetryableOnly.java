package com.example.retry.wrappers;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Retries that look at IotHubClientException.isRetryable(). */
public class RetryableOnly
{
    private final DeviceClient client;
    private final DeviceClient other;

    public RetryableOnly(String cs)
    {
        this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        this.other = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
    }

    /** Bug: retryable failures skip the close via continue. */
    public void connect() throws InterruptedException, IotHubClientException
    {
        while (!Thread.currentThread().isInterrupted())
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                return;
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(1000);
                if (e.isRetryable())
                {
                    continue;
                }
                client.close();
                throw e;
            }
        }
    }

    /** Correct: close first, then decide whether to retry; this.field and field are the same client. */
    public void connectOther() throws InterruptedException, IotHubClientException
    {
        while (!Thread.currentThread().isInterrupted())
        {
            try
            {
                this.other.open(true);
                return;
            }
            catch (IotHubClientException e)
            {
                other.close();
                if (!e.isRetryable())
                {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }
}
