package com.example.crossclass.reach.multidevice;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Set;

/** Scheduled with a fixed rate from Main (a named Runnable handed to a scheduler). */
public class Poller implements Runnable {
    private final DeviceRegistry registry;
    private final Uplink uplink;
    private final Set<String> rotated;
    private final Set<String> stuck;

    public Poller(DeviceRegistry registry, Uplink uplink, Set<String> rotated, Set<String> stuck) {
        this.registry = registry;
        this.uplink = uplink;
        this.rotated = rotated;
        this.stuck = stuck;
    }

    @Override
    public void run() {
        try {
            for (String id : rotated) {
                registry.replace(id);
            }
            for (String id : stuck) {
                registry.refresh(id);
            }
            if (uplink.backup == null) {
                // quiet: check 4(a) - "a null check that skips creation when a client exists is safe"
                uplink.backup = new DeviceClient(uplink.connectionString(), IotHubClientProtocol.AMQPS);
            }
            if (!stuck.isEmpty()) {
                // expect: IotHubClientReplacedWithoutClose
                uplink.client = new DeviceClient(uplink.connectionString(), IotHubClientProtocol.MQTT);
                // quiet: check 1 exemption (b) - uplink.client was created earlier in the same method
                uplink.client.open();
            }
        } catch (IOException | URISyntaxException e) {
            System.err.println("poll failed: " + e.getMessage());
        }
    }
}
