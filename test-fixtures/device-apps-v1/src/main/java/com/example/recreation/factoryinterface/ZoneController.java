package com.example.recreation.factoryinterface;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;

/** Refreshes every zone's client on a timer, making each one through the factory interface. */
public class ZoneController {
    private final ZoneClientFactory factory = new SasZoneClientFactory();
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final Timer timer = new Timer(true);

    public void start(String zoneId, String connectionString) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                refresh(zoneId, connectionString);
            }
        }, 0, 600_000);
    }

    private void refresh(String zoneId, String connectionString) {
        try {
            DeviceClient fresh = factory.create(connectionString);
            // quiet: check 1 - exemption (b): the only factory the compilation creates returns a new client
            fresh.open();
            // expect: IotHubClientReplacedWithoutClose
            clients.put(zoneId, fresh);
        } catch (Exception e) {
            System.err.println("zone " + zoneId + " refresh failed: " + e.getMessage());
        }
    }
}
