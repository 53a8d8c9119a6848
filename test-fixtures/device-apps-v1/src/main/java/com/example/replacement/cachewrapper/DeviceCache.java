package com.example.replacement.cachewrapper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One client per device, behind methods of its own (the shape of a public gateway connector's client cache). */
public class DeviceCache {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

    DeviceClient get(String deviceId) {
        return clients.get(deviceId);
    }

    DeviceClient add(String deviceId, DeviceClient client) {
        // quiet: check 4 - "a null check that skips creation when a client exists is safe": every caller adds only under get(deviceId) == null
        return clients.put(deviceId, client);
    }
}
