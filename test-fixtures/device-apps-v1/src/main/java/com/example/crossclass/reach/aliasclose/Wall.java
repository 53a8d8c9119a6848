package com.example.crossclass.reach.aliasclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;

/** A locker wall: its shutdown closes a local copy of the client without removing the callback first. */
public class Wall
{
    private DeviceClient client;

    public void start() throws IOException
    {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                new Thread(this::reconnect).start();
            }
        }, null);
        // quiet: a single start-up open
        client.open();
    }

    private void reconnect()
    {
        try
        {
            client.registerConnectionStatusChangeCallback(null, null);
            // quiet: handed off from the callback; the close comes first
            client.closeNow();
            // quiet: check 1 - guarded by the callback's DISCONNECTED check
            client.open();
        }
        catch (IOException e)
        {
            System.err.println(e.getMessage());
        }
    }

    public void shutdown() throws IOException
    {
        DeviceClient toClose = client;
        // quiet: the app's own close (the callback's guard is the finding)
        toClose.closeNow();
    }
}
