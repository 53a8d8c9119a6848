package com.example.retry.recursive;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Recursive and catch-based retries. */
public class BackoffConnector
{
    private final DeviceClient client;
    private final DeviceClient twinClient;
    private final DeviceClient fileClient;
    private final DeviceClient sessionClient;

    public BackoffConnector(String cs)
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        twinClient = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        fileClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        sessionClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
    }

    /** Bug: recursive exponential back-off, nothing closed. */
    public void connect(int attempt) throws InterruptedException
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            client.open(true);
        }
        catch (IotHubClientException e)
        {
            if (attempt >= 5 || !e.isRetryable())
            {
                throw new IllegalStateException("giving up after " + attempt + " attempts", e);
            }
            Thread.sleep((long) Math.pow(2, attempt) * 1000L);
            connect(attempt + 1);
        }
    }

    /** Correct: close first, then recurse. */
    public void connectTwin(int attempt) throws InterruptedException
    {
        try
        {
            twinClient.open(false);
        }
        catch (IotHubClientException e)
        {
            twinClient.close();
            if (attempt < 5)
            {
                Thread.sleep(1000);
                connectTwin(attempt + 1);
            }
        }
    }

    /** Bug: one more open() in the catch, on the same instance. */
    public void connectFiles() throws IotHubClientException
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            fileClient.open(false);
        }
        catch (IotHubClientException e)
        {
            if (e.isRetryable())
            {
                fileClient.open(false);
            }
            else
            {
                throw e;
            }
        }
    }

    /** Bug: the catch goes through onConnectFailure() back into startSession(). */
    public void startSession()
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            sessionClient.open(true);
        }
        catch (IotHubClientException e)
        {
            onConnectFailure(e);
        }
    }

    private void onConnectFailure(IotHubClientException e)
    {
        System.err.println("session open failed: " + e.getStatusCode());
        try
        {
            Thread.sleep(5000);
        }
        catch (InterruptedException ie)
        {
            Thread.currentThread().interrupt();
            return;
        }
        startSession();
    }
}
