package com.example.multiplexing.retry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** AMQP multiplexing gateway for many leaf devices over one connection. */
public class MultiplexedGateway
{
    private final MultiplexingClient mux;
    private final ExecutorService recovery = Executors.newSingleThreadExecutor();

    public MultiplexedGateway(String hostName, List<String> leafConnectionStrings) throws URISyntaxException, InterruptedException, MultiplexingClientException
    {
        mux = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        for (String cs : leafConnectionStrings)
        {
            mux.registerDeviceClient(new DeviceClient(cs, IotHubClientProtocol.AMQPS));
        }
        mux.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
                {
                    return;
                }
                recovery.execute(this::openWithRetry);
            }
        }, null);
    }

    /** Correct: the failed multiplexed connection is closed before the next attempt. */
    public void openWithRetry()
    {
        boolean opened = false;
        int attempt = 0;
        while (!opened && attempt < 10)
        {
            attempt++;
            try
            {
                mux.close();
                mux.open();
                opened = true;
            }
            catch (MultiplexingClientException e)
            {
                sleep(2000L * attempt);
            }
        }
    }

    /** Bug: the start-up path retries open() only. */
    public void start() throws MultiplexingClientException
    {
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                mux.open();
                return;
            }
            catch (MultiplexingClientException e)
            {
                if (attempt == 3)
                {
                    throw e;
                }
                sleep(1000);
            }
        }
    }

    public void stop() throws MultiplexingClientException
    {
        recovery.shutdownNow();
        mux.close();
    }

    private static void sleep(long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
