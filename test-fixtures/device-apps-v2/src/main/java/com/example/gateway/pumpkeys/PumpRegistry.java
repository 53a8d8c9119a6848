package com.example.gateway.pumpkeys;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A pumping station's gateway: every night it replaces each pump's client, and keeps a spare for the main pump. */
public class PumpRegistry {
    private final Map<String, DeviceClient> pumps = new ConcurrentHashMap<>();
    private final ScheduledExecutorService nightly = Executors.newSingleThreadScheduledExecutor();

    public void start(String pumpId, String connectionString) {
        nightly.scheduleAtFixedRate(() -> {
            try {
                rotate(pumpId, connectionString);
            } catch (Exception e) {
                System.err.println("rotation failed: " + e.getMessage());
            }
        }, 1, 24, TimeUnit.HOURS);
    }

    void rotate(String pumpId, String connectionString) {
        DeviceClient gone = pumps.remove(pumpId);
        if (gone != null) {
            gone.close();
        }
        // quiet: the value under the same key was removed and closed first
        pumps.put(pumpId, new DeviceClient(connectionString, IotHubClientProtocol.MQTT));
        // expect: IotHubClientReplacedWithoutClose
        pumps.put(pumpId + "-spare", new DeviceClient(connectionString, IotHubClientProtocol.MQTT));
    }
}
