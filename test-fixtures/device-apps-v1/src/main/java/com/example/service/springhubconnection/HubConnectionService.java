package com.example.service.springhubconnection;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Spring-style singleton bean (annotations left out): connects in the background and re-schedules on failure. */
public class HubConnectionService
{
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceClient deviceClient;
    private volatile boolean connected;
    private int failures;

    public HubConnectionService(String connectionString) throws URISyntaxException
    {
        deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        deviceClient.registerConnectionStatusChangeCallback(
                (status, reason, cause, ctx) -> connected = status == IotHubConnectionStatus.CONNECTED, null);
    }

    // @PostConstruct
    public void init()
    {
        scheduler.execute(this::connect);
    }

    /** Bug: the catch schedules this method again, the failed attempt is never closed. */
    void connect()
    {
        if (connected)
        {
            return;
        }
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            deviceClient.open();
            failures = 0;
        }
        catch (IOException e)
        {
            long delay = Math.min(60, 1L << Math.min(failures++, 6));
            scheduler.schedule(this::connect, delay, TimeUnit.SECONDS);
        }
    }

    public void publish(String json)
    {
        try
        {
            deviceClient.sendEventAsync(new Message(json), (IotHubStatusCode code, Object c) -> { }, null);
        }
        catch (IllegalStateException notOpen)
        {
            try
            {
                // expect: IotHubOpenWithoutStatusGuard
                deviceClient.open();
            }
            catch (IOException e)
            {
                throw new IllegalStateException("hub unavailable", e);
            }
        }
    }

    // @PreDestroy
    public void shutdown() throws IOException
    {
        scheduler.shutdownNow();
        deviceClient.closeNow();
    }
}
