package com.example.fleet.evictingfleet;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fleet of simulated devices that reconnects each one on DISCONNECTED. Stopping removes every callback before the
 * close, but evicting the oldest device closes it straight from the list with its callback still registered.
 */
public class EvictingFleet
{
    private final List<DeviceClient> devices = new CopyOnWriteArrayList<>();
    private final ExecutorService recovery = Executors.newSingleThreadExecutor();

    public void add(String connectionString) throws Exception
    {
        DeviceClient device = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        device.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                recovery.execute(() -> reopen(device));
            }
        }, null);
        devices.add(device);
        device.open();
    }

    private void reopen(DeviceClient device)
    {
        try
        {
            device.open();
        }
        catch (Exception e)
        {
            System.err.println("reopen failed: " + e.getMessage());
        }
    }

    public void evictOldest() throws Exception
    {
        devices.remove(0).closeNow();
    }

    public void stopAll() throws Exception
    {
        for (DeviceClient device : devices)
        {
            device.registerConnectionStatusChangeCallback(null, null);
            device.closeNow();
        }
    }
}
