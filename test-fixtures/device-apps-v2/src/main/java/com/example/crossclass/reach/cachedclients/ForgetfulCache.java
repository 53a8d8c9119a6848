package com.example.crossclass.reach.cachedclients;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Holds one client per device, but closes a client with its status callback still registered. */
public class ForgetfulCache {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

    void keep(String deviceId, DeviceClient client) {
        clients.putIfAbsent(deviceId, client);
    }

    void evict(String deviceId) {
        DeviceClient client = clients.remove(deviceId);
        if (client != null) {
            // quiet: check 3 - reached from the status callback only through the worker's hand-off
            client.close();
        }
    }
}
