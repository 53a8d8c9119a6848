package com.example.crossclass.reach.cachedclients;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Holds one client per device; removes a client's status callback before it closes the client. */
public class ClientCache {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

    DeviceClient add(String deviceId, DeviceClient client) {
        return clients.putIfAbsent(deviceId, client);
    }

    DeviceClient get(String deviceId) {
        return clients.get(deviceId);
    }

    void remove(String deviceId) throws java.io.IOException {
        DeviceClient client = clients.remove(deviceId);
        if (client != null) {
            client.registerConnectionStatusChangeCallback(null, null);
            // quiet: check 3 - reached from the status callback only through the worker's hand-off
            client.closeNow();
        }
    }
}
