package com.example.replacement.shadow;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

/** Base class of the street furniture devices: it owns the client and closes it on stop(). */
public abstract class HubDevice {
    protected DeviceClient client;
    private DeviceClient diagnostics;

    public abstract void start(String connectionString) throws Exception;

    public void stop() {
        if (client != null) {
            client.close();
        }
        if (diagnostics != null) {
            diagnostics.close();
        }
    }
}
