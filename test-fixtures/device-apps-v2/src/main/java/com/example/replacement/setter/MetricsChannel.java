package com.example.replacement.setter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

/** Metrics on a client of their own: the replacement closes the previous client first. */
public class MetricsChannel {
    private DeviceClient client;
    private DeviceClient fallback;

    public synchronized void replaceClient(DeviceClient replacement) {
        if (client != null) {
            client.close();
        }
        // quiet: the previous client is closed first
        client = replacement;
    }

    /** Called at start-up only. */
    public void setFallback(DeviceClient fallback) {
        // quiet: only start-up code hands a new client here
        this.fallback = fallback;
    }
}
