package com.example.crossclass.reach.multidevice;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class Main {
    public static void main(String[] args) throws Exception {
        Map<String, String> connectionStrings = new HashMap<>();
        connectionStrings.put("sensor-1", System.getenv("SENSOR1_CS"));
        connectionStrings.put("sensor-2", System.getenv("SENSOR2_CS"));
        DeviceRegistry registry = new DeviceRegistry(connectionStrings);
        registry.openAll();
        Uplink uplink = new Uplink(System.getenv("GATEWAY_CS"));
        uplink.reset();
        Set<String> rotated = ConcurrentHashMap.newKeySet();
        Set<String> stuck = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(new Poller(registry, uplink, rotated, stuck), 1, 1, TimeUnit.MINUTES);
    }
}
