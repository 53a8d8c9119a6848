package com.example.handoff.asyncrecovery;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Reconnect hand-offs in the styles found in 2.x projects. */
public class AsyncRecovery
{
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Executor virtualish = Executors.newCachedThreadPool();

    public AsyncRecovery(String cs)
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    private static boolean shouldReconnect(ConnectionStatusChangeContext ctx)
    {
        return ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
    }

    private void closeAndOpen()
    {
        client.close();
        try
        {
            client.open(false);
        }
        catch (IotHubClientException e)
        {
            System.err.println("reconnect failed: " + e.getStatusCode());
        }
    }

    public void viaRunAsync()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (shouldReconnect(ctx))
            {
                CompletableFuture.runAsync(this::closeAndOpen);
            }
        }, null);
    }

    public void viaRunAsyncLambdaWithExecutor()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (shouldReconnect(ctx))
            {
                CompletableFuture.runAsync(() -> {
                    client.close();
                    try
                    {
                        client.open(true);
                    }
                    catch (IotHubClientException e)
                    {
                        throw new IllegalStateException(e);
                    }
                }, pool).whenComplete((v, t) -> System.out.println("reconnect done, error=" + t));
            }
        }, null);
    }

    public void viaJitteredSchedule()
    {
        client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback()
        {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx)
            {
                if (shouldReconnect(ctx))
                {
                    var jitter = ThreadLocalRandom.current().nextLong(500, 5_000);
                    scheduler.schedule(AsyncRecovery.this::closeAndOpen, jitter, TimeUnit.MILLISECONDS);
                }
            }
        }, null);
    }

    public void viaExecutorInterface()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (shouldReconnect(ctx))
            {
                virtualish.execute(this::closeAndOpen);
            }
        }, null);
    }

    public void viaThreadSubclass()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (shouldReconnect(ctx))
            {
                Thread t = new Thread(this::closeAndOpen, "reconnector");
                t.setDaemon(true);
                t.start();
            }
        }, null);
    }

    /** Bug: the close runs on the callback thread before the hand-off; thenRunAsync happens later on the pool. */
    public void viaSupplyAsyncButCloseFirst()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (shouldReconnect(ctx))
            {
                // expect: IotHubReconnectOnCallbackThread
                client.close();
                CompletableFuture.supplyAsync(() -> "reconnect", pool).thenRunAsync(() -> {
                    try
                    {
                        client.open(false);
                    }
                    catch (IotHubClientException e)
                    {
                        System.err.println(e.getStatusCode());
                    }
                });
            }
        }, null);
    }
}
