package com.example.handoff.twinsync;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Several ways of getting the reconnect off the callback thread. */
public class TwinSyncDevice
{
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    public TwinSyncDevice(String cs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    private void reconnect()
    {
        try
        {
            client.closeNow();
            client.open();
        }
        catch (IOException e)
        {
            System.err.println("reconnect failed: " + e);
        }
    }

    public void wireWithThread()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                new Thread(() -> {
                    try
                    {
                        client.closeNow();
                        client.open();
                    }
                    catch (IOException e)
                    {
                        System.err.println("reconnect thread failed: " + e);
                    }
                }, "iot-reconnect").start();
            }
        }, null);
    }

    public void wireWithExecutor()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                pool.submit(this::reconnect);
            }
        }, null);
    }

    public void wireWithScheduler()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                scheduler.schedule(() -> reconnect(), 5, TimeUnit.SECONDS);
            }
        }, null);
    }

    public void wireWithCompletableFuture()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                CompletableFuture.runAsync(this::reconnect, pool)
                        .exceptionally(t -> {
                            System.err.println("async reconnect failed: " + t);
                            return null;
                        });
            }
        }, null);
    }

    /** Half a hand-off: the close still runs on the callback thread, only the open moves. */
    public void wireHalfHandOff()
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                }
                catch (IOException e)
                {
                    System.err.println("close failed: " + e);
                }
                new Thread(() -> {
                    try
                    {
                        client.open();
                    }
                    catch (IOException e)
                    {
                        System.err.println("open failed: " + e);
                    }
                }).start();
            }
        }, null);
    }
}
