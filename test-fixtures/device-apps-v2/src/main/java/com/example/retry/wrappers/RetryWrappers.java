package com.example.retry.wrappers;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

/** Home-made retry utilities around open(). */
public class RetryWrappers
{
    @FunctionalInterface
    interface IotAction
    {
        void run() throws IotHubClientException;
    }

    private final DeviceClient client;
    private final DeviceClient methodsClient;
    private final DeviceClient outerClient;

    public RetryWrappers(String cs)
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        methodsClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        outerClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
    }

    private static void withRetry(int attempts, IotAction action) throws InterruptedException, IotHubClientException
    {
        for (int i = 1; ; i++)
        {
            try
            {
                action.run();
                return;
            }
            catch (IotHubClientException e)
            {
                if (i >= attempts)
                {
                    throw e;
                }
                Thread.sleep(1000L * i);
            }
        }
    }

    /** Bug: the retry lives in withRetry(), the open in a lambda; nothing closes the failed attempt. */
    public void connect() throws InterruptedException, IotHubClientException
    {
        // expect: IotHubOpenRetryWithoutClose
        withRetry(5, () -> client.open(true));
    }

    /** Correct: the lambda closes first. */
    public void connectClean() throws InterruptedException, IotHubClientException
    {
        withRetry(5, () -> {
            client.close();
            client.open(true);
        });
    }

    /** Bug: open and subscribe share one try; a failed subscribe re-runs open() without a close. */
    public void connectAndSubscribe() throws InterruptedException
    {
        while (true)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                methodsClient.open(false);
                methodsClient.subscribeToMethods((name, payload, ctx) -> new DirectMethodResponse(200, null), null);
                break;
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(3000);
            }
        }
    }

    /** Bug: the catch runs its own retry loop, neither level closes. */
    public void connectWithNestedRetry() throws InterruptedException
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            outerClient.open(true);
        }
        catch (IotHubClientException first)
        {
            outer:
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 3; i++)
                {
                    try
                    {
                        // expect: IotHubOpenRetryWithoutClose
                        outerClient.open(false);
                        break outer;
                    }
                    catch (IotHubClientException e)
                    {
                        Thread.sleep(500);
                    }
                }
                Thread.sleep(5000);
            }
        }
    }
}
