package com.example.retry.oddities;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Less common retry shapes found in device projects. */
public class RetryOddities
{
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String cs;
    private final DeviceClient client;
    private final DeviceClient polled;
    private final DeviceClient telemetry;
    private DeviceClient current;
    private volatile boolean polledUp;

    public RetryOddities(String cs) throws URISyntaxException
    {
        this.cs = cs;
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        polled = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        polled.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            polledUp = status == IotHubConnectionStatus.CONNECTED;
        }, null);
    }

    /** Correct: the close sits after the try/catch, still between the failure and the next attempt. */
    public void connectCloseAfterCatch() throws InterruptedException
    {
        while (true)
        {
            try
            {
                client.open();
                break;
            }
            catch (IOException e)
            {
                System.err.println("open failed: " + e.getMessage());
            }
            try
            {
                client.closeNow();
            }
            catch (IOException ignored)
            {
                // ignore
            }
            Thread.sleep(2000);
        }
    }

    /** Bug: the loop waits for the callback-maintained flag and keeps calling open() on the same instance. */
    public void connectUntilCallbackSaysUp() throws InterruptedException
    {
        while (!polledUp)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                polled.open();
            }
            catch (IOException e)
            {
                System.err.println("not yet: " + e.getMessage());
            }
            Thread.sleep(1000);
        }
    }

    /** Shared utility: bug, retries the caller's client without closing it. */
    public static void openWithRetry(DeviceClient deviceClient, int maxAttempts) throws IOException, InterruptedException
    {
        IOException last = null;
        for (int i = 0; i < maxAttempts; i++)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                deviceClient.open();
                return;
            }
            catch (IOException e)
            {
                last = e;
                Thread.sleep(1000L * (i + 1));
            }
        }
        throw last;
    }

    /** Shared utility: correct, close in the catch before the recursive attempt. */
    public static void openRecursively(DeviceClient deviceClient, int remaining) throws IOException
    {
        try
        {
            deviceClient.open();
        }
        catch (IOException e)
        {
            deviceClient.closeNow();
            if (remaining <= 0)
            {
                throw e;
            }
            openRecursively(deviceClient, remaining - 1);
        }
    }

    /**
     * Scheduled retry without any guard: the catch re-calls the method by scheduling it, a retry construct, and the
     * scheduled round continues the path that ran the failed one (no root of its own), so check 2 judges it.
     */
    public void connectTelemetry()
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            telemetry.open();
        }
        catch (IOException e)
        {
            scheduler.schedule(this::connectTelemetry, 30, TimeUnit.SECONDS);
        }
    }

    /** Bug: a new client on every scheduled attempt, the failed one is dropped without a close. */
    public void connectFresh()
    {
        try
        {
            current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        }
        catch (URISyntaxException e)
        {
            throw new IllegalArgumentException(e);
        }
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            current.open();
        }
        catch (IOException e)
        {
            scheduler.schedule(() -> connectFresh(), 10, TimeUnit.SECONDS);
        }
    }
}
