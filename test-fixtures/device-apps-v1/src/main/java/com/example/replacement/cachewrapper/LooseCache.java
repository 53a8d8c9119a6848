package com.example.replacement.cachewrapper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The same cache, filled by a caller that never asks whether the device already has a client. */
public class LooseCache {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

    int size() {
        return clients.size();
    }

    void add(String deviceId, DeviceClient client) {
        // expect: IotHubClientReplacedWithoutClose
        clients.put(deviceId, client);
    }
}
