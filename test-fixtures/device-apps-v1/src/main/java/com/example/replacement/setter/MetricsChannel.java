package com.example.replacement.setter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import java.io.IOException;

/** Metrics on a client of their own: the replacement closes the previous client first. */
public class MetricsChannel
{
    private DeviceClient client;
    private DeviceClient fallback;

    public synchronized void replaceClient(DeviceClient replacement) throws IOException
    {
        if (client != null)
        {
            client.closeNow();
        }
        // quiet: the previous client is closed first
        client = replacement;
    }

    /** Called at start-up only. */
    public void setFallback(DeviceClient fallback)
    {
        // quiet: only start-up code hands a new client here
        this.fallback = fallback;
    }
}
