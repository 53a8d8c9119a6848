package com.example.replacement.mapfleet;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One client per downstream device, kept in a map. */
public class FleetGateway {
    private final Map<String, String> connectionStrings;
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService rotation = Executors.newSingleThreadScheduledExecutor();

    FleetGateway(Map<String, String> connectionStrings) {
        this.connectionStrings = connectionStrings;
    }

    void start() throws URISyntaxException, IOException {
        for (String id : connectionStrings.keySet()) {
            DeviceClient c = new DeviceClient(connectionStrings.get(id), IotHubClientProtocol.AMQPS);
            c.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
                if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                    pool.submit(() -> recreate(id));
                }
            }, null);
            // quiet: "An enhanced for over a collection or array is not a re-entry site by itself"; start-up code
            c.open();
            c.subscribeToDeviceMethod((methodName, payload, context) -> {
                if ("reprovision".equals(methodName)) {
                    pool.submit(() -> recreateSafely(id));
                }
                return new DeviceMethodData(200, "accepted");
            }, null, (responseStatus, context) -> { }, null);
            // quiet: start-up code, not a re-entry site
            clients.put(id, c);
        }
        rotation.scheduleAtFixedRate(this::rotateAll, 24, 24, TimeUnit.HOURS);
    }

    /** Reached only from the guarded status callback (DISCONNECTED + RETRY_EXPIRED). */
    private void recreate(String id) {
        try {
            DeviceClient fresh = new DeviceClient(connectionStrings.get(id), IotHubClientProtocol.AMQPS);
            // quiet: guarded by `status == DISCONNECTED && reason == RETRY_EXPIRED` in the handing-off callback
            fresh.open();
            // expect: IotHubClientReplacedWithoutClose
            clients.put(id, fresh);
        } catch (URISyntaxException | IOException e) {
            System.out.println("recreate " + id + " failed: " + e.getMessage());
        }
    }

    /** Reached from the direct-method callback: removes and closes the old client first. */
    private void recreateSafely(String id) {
        try {
            DeviceClient old = clients.remove(id);
            if (old != null) {
                old.closeNow();
            }
            DeviceClient fresh = new DeviceClient(connectionStrings.get(id), IotHubClientProtocol.AMQPS);
            // quiet: "(b) the client was created earlier in the same method on every path"
            fresh.open();
            // quiet: check 4(b) "unless the value it replaces is closed (remove/get then close before ...)"
            clients.put(id, fresh);
        } catch (URISyntaxException | IOException e) {
            System.out.println("reprovision " + id + " failed: " + e.getMessage());
        }
    }

    private void rotateAll() {
        for (String id : new ArrayList<>(clients.keySet())) {
            rotate(id);
        }
    }

    /** Scheduled: closes the value that put() returns. */
    private void rotate(String id) {
        try {
            DeviceClient fresh = new DeviceClient(connectionStrings.get(id), IotHubClientProtocol.AMQPS);
            // quiet: "(b) the client was created earlier in the same method on every path"
            fresh.open();
            // quiet: check 4(b) "... or close of the value put returns"
            DeviceClient previous = clients.put(id, fresh);
            if (previous != null) {
                previous.closeNow();
            }
        } catch (URISyntaxException | IOException e) {
            System.out.println("rotate " + id + " failed: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> cs = new ConcurrentHashMap<>();
        cs.put("sensor-1", System.getenv("SENSOR_1_CS"));
        cs.put("sensor-2", System.getenv("SENSOR_2_CS"));
        new FleetGateway(cs).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
