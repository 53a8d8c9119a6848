package com.example.gateway.registryput;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Holds the live hub client of every leaf device an edge box has provisioned. */
public class LeafRegistry {
    private final Map<String, DeviceClient> byDeviceId = new HashMap<>();

    public synchronized void register(String deviceId, DeviceClient client) {
        // expect: IotHubClientReplacedWithoutClose
        byDeviceId.put(deviceId, client);
    }

    public synchronized void replace(String deviceId, DeviceClient client) throws IOException {
        DeviceClient previous = byDeviceId.remove(deviceId);
        if (previous != null) {
            previous.closeNow();
        }
        // quiet: the previous client is removed and closed first
        byDeviceId.put(deviceId, client);
    }
}
