package com.example.replacement.computemerge;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;

/** A building gateway that refreshes the client of each downstream sensor through the map's functional updates. */
public class SensorFleet
{
    private final Map<String, DeviceClient> sensors = new ConcurrentHashMap<>();
    private final Timer refresher = new Timer("sensor-refresh", true);

    public void start(final String sensorId)
    {
        refresher.schedule(new TimerTask()
        {
            @Override
            public void run()
            {
                refresh(sensorId);
            }
        }, 0, 15 * 60 * 1000L);
    }

    private static DeviceClient connect(String sensorId)
    {
        try
        {
            return new DeviceClient(System.getenv("CS_" + sensorId), IotHubClientProtocol.AMQPS);
        }
        catch (URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    void refresh(String sensorId)
    {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient current = sensors.computeIfPresent(sensorId, (id, old) -> connect(id));
        openQuietly(current);
        // quiet: the function closes the client it replaces
        DeviceClient renewed = sensors.compute(sensorId, (id, old) ->
        {
            if (old != null)
            {
                closeQuietly(old);
            }
            return connect(id);
        });
        openQuietly(renewed);
        DeviceClient fresh = connect(sensorId);
        // expect: IotHubClientReplacedWithoutClose
        sensors.merge(sensorId, fresh, (oldClient, newClient) -> newClient);
        openQuietly(fresh);
        DeviceClient spare = connect(sensorId);
        // quiet: the merge keeps the client the map holds
        sensors.merge(sensorId, spare, (oldClient, newClient) -> oldClient);
    }

    private static void openQuietly(DeviceClient client)
    {
        try
        {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        }
        catch (IOException e)
        {
            System.err.println("open failed: " + e.getMessage());
        }
    }

    private static void closeQuietly(DeviceClient client)
    {
        try
        {
            client.closeNow();
        }
        catch (IOException e)
        {
            System.err.println("close failed: " + e.getMessage());
        }
    }
}
