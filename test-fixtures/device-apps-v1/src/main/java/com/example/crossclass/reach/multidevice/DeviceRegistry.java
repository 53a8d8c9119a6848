package com.example.crossclass.reach.multidevice;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One client per downstream device, keyed by device id. */
public class DeviceRegistry {
    final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> connectionStrings;

    public DeviceRegistry(Map<String, String> connectionStrings) {
        this.connectionStrings = connectionStrings;
    }

    void openAll() throws IOException, URISyntaxException {
        for (Map.Entry<String, String> entry : connectionStrings.entrySet()) {
            DeviceClient c = new DeviceClient(entry.getValue(), IotHubClientProtocol.AMQPS);
            // quiet: start-up code; "An enhanced for over a collection ... is not a re-entry site by itself"
            c.open();
            clients.put(entry.getKey(), c);
        }
    }

    /** Called by Poller when a device's credentials were rotated. */
    void replace(String deviceId) throws URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        clients.put(deviceId, new DeviceClient(connectionStrings.get(deviceId), IotHubClientProtocol.AMQPS));
    }

    /** Called by Poller when a device looks stuck. */
    void refresh(String deviceId) throws IOException, URISyntaxException {
        DeviceClient old = clients.remove(deviceId);
        if (old != null) {
            old.closeNow();
        }
        DeviceClient c = new DeviceClient(connectionStrings.get(deviceId), IotHubClientProtocol.AMQPS);
        // quiet: check 1 exemption (b) - c was created earlier in the same method; path starts at a scheduled task
        c.open();
        // quiet: check 4(b) - the value it replaces was removed and closed before the put
        clients.put(deviceId, c);
    }
}
