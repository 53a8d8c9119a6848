package com.example.replacement.computemerge;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A building gateway that refreshes the client of each downstream sensor through the map's functional updates. */
public class SensorFleet {
    private final Map<String, DeviceClient> sensors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();

    public void start(String sensorId) {
        refresher.scheduleWithFixedDelay(() -> refresh(sensorId), 0, 15, TimeUnit.MINUTES);
    }

    private static DeviceClient connect(String sensorId) {
        return new DeviceClient(System.getenv("CS_" + sensorId), IotHubClientProtocol.AMQPS);
    }

    void refresh(String sensorId) {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient current = sensors.compute(sensorId, (id, old) -> connect(id));
        openQuietly(current);
        // quiet: the function closes the client it replaces
        DeviceClient renewed = sensors.compute(sensorId, (id, old) -> {
            if (old != null) {
                old.close();
            }
            return connect(id);
        });
        openQuietly(renewed);
        // quiet: computeIfAbsent never replaces a client
        DeviceClient attached = sensors.computeIfAbsent(sensorId, SensorFleet::connect);
        openQuietly(attached);
        DeviceClient fresh = connect(sensorId);
        // expect: IotHubClientReplacedWithoutClose
        sensors.merge(sensorId, fresh, (oldClient, newClient) -> newClient);
        openQuietly(fresh);
    }

    private static void openQuietly(DeviceClient client) {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("open failed: " + e.getMessage());
        }
    }
}
