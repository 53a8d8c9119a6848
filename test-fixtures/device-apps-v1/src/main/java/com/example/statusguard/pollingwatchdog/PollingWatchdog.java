package com.example.statusguard.pollingwatchdog;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * The reconnection sample's manager thread reduced to a polling loop: it leaves only when its sleep is interrupted,
 * so it keeps running after open() succeeds (a re-entry site, not a retry).
 */
public class PollingWatchdog implements IotHubConnectionStatusChangeCallback
{
    private final DeviceClient client;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.CONNECTED;

    public PollingWatchdog(DeviceClient client)
    {
        this.client = client;
        client.registerConnectionStatusChangeCallback(this, null);
        new Thread(this::watch, "link-watchdog").start();
        new Thread(this::pollBlindly, "link-poller").start();
    }

    private void watch()
    {
        while (true)
        {
            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                try
                {
                    // quiet: check 1 - guarded by the status the callback tracks; check 2 - the loop is no retry
                    client.open();
                }
                catch (java.io.IOException e)
                {
                    System.err.println("reopen failed, next round in 5 s: " + e.getMessage());
                }
            }
            try
            {
                Thread.sleep(5000);
            }
            catch (InterruptedException e)
            {
                return;
            }
        }
    }

    private void pollBlindly()
    {
        while (true)
        {
            try
            {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            }
            catch (java.io.IOException e)
            {
                System.err.println("open failed: " + e.getMessage());
            }
            try
            {
                Thread.sleep(60000);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    @Override
    public void execute(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context)
    {
        status = newStatus;
    }
}
