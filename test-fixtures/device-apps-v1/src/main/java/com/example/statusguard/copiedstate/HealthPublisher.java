package com.example.statusguard.copiedstate;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Publishes link health to other threads through an AtomicBoolean copied from the tracked connected flag. */
public class HealthPublisher implements IotHubConnectionStatusChangeCallback
{
    private final DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean connected;
    private final AtomicBoolean linkHealthy = new AtomicBoolean();
    private final AtomicBoolean everNotified = new AtomicBoolean();

    public HealthPublisher(DeviceClient client)
    {
        this.client = client;
        client.registerConnectionStatusChangeCallback(this, null);
        scheduler.scheduleWithFixedDelay(this::checkLink, 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context)
    {
        connected = status == IotHubConnectionStatus.CONNECTED;
        linkHealthy.set(connected);
        everNotified.set(true);
    }

    private void checkLink()
    {
        try
        {
            if (!linkHealthy.get())
            {
                // quiet: check 1 - linkHealthy copies the tracked connected flag, so this is a DISCONNECTED guard
                client.open();
            }
            else if (everNotified.get())
            {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            }
        }
        catch (IOException e)
        {
            System.err.println("reopen failed: " + e.getMessage());
        }
    }
}
