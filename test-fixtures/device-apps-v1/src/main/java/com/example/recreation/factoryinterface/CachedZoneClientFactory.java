package com.example.recreation.factoryinterface;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

/** Hands out one kept client; nothing in the compilation creates this factory, so no call reaches it. */
public class CachedZoneClientFactory implements ZoneClientFactory {
    private DeviceClient kept;

    @Override
    public DeviceClient create(String connectionString) {
        return kept;
    }
}
