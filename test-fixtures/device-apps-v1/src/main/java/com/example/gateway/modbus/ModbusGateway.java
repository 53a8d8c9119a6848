package com.example.gateway.modbus;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Field gateway: one DeviceClient per downstream Modbus slave. */
public class ModbusGateway {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceRegistry registry;

    public ModbusGateway(DeviceRegistry registry) {
        this.registry = registry;
    }

    /** Start-up: one client per configured device (enhanced for, one identity per round). */
    public void start() throws IOException, URISyntaxException {
        for (String deviceId : registry.configuredDevices()) {
            DeviceClient dc = new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS);
            dc.open();
            clients.put(deviceId, dc);
        }
        scheduler.scheduleAtFixedRate(this::syncDevices, 1, 1, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::rotateCredentials, 1, 24, TimeUnit.HOURS);
        scheduler.scheduleAtFixedRate(this::pollRegisters, 5, 5, TimeUnit.SECONDS);
    }

    /** Scheduled: configuration changed (new connection string) -> new client. BUG: old one stays open. */
    private void syncDevices() {
        for (String deviceId : registry.changedDevices()) {
            try {
                DeviceClient fresh = new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS);
                fresh.open();
                // expect: IotHubClientReplacedWithoutClose
                clients.put(deviceId, fresh);
            } catch (IOException | URISyntaxException e) {
                System.err.println("sync failed for " + deviceId);
            }
        }
    }

    /** Scheduled: rotate keys; closes what put() returns. */
    private void rotateCredentials() {
        for (String deviceId : registry.configuredDevices()) {
            try {
                DeviceClient fresh = new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS);
                fresh.open();
                DeviceClient previous = clients.put(deviceId, fresh);
                if (previous != null) {
                    previous.closeNow();
                }
            } catch (IOException | URISyntaxException e) {
                System.err.println("rotate failed for " + deviceId);
            }
        }
    }

    /** Scheduled polling: on send failure, remove + close then put a new one. */
    private void pollRegisters() {
        for (Map.Entry<String, DeviceClient> e : clients.entrySet()) {
            String deviceId = e.getKey();
            try {
                e.getValue().sendEventAsync(new Message(registry.read(deviceId)), (code, ctx) -> { }, null);
            } catch (IllegalStateException ex) {
                replaceClient(deviceId);
            }
        }
    }

    private void replaceClient(String deviceId) {
        try {
            DeviceClient old = clients.remove(deviceId);
            if (old != null) {
                old.closeNow();
            }
            DeviceClient fresh = new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS);
            fresh.open();
            clients.put(deviceId, fresh);
        } catch (IOException | URISyntaxException ex) {
            System.err.println("replace failed for " + deviceId);
        }
    }

    /** Called from the Modbus listener thread when a slave re-announces itself: get + close, then put. */
    public void onSlaveAnnounce(String deviceId) {
        scheduler.execute(() -> {
            try {
                DeviceClient existing = clients.get(deviceId);
                if (existing != null) {
                    existing.closeNow();
                }
                clients.put(deviceId, new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS));
                // a map lookup is not "the same client" as a named variable: no exemption (a)/(b)
                // expect: IotHubOpenWithoutStatusGuard
                clients.get(deviceId).open();
            } catch (IOException | URISyntaxException ex) {
                System.err.println("announce failed for " + deviceId);
            }
        });
    }

    /** Hot-plug: a new slave showed up; only create when absent. */
    public void onSlaveDiscovered(String deviceId) {
        scheduler.execute(() -> clients.computeIfAbsent(deviceId, this::openClient));
    }

    /** Hot-plug: putIfAbsent never replaces a live client (the spare one is never opened). */
    public void onSlaveHello(String deviceId) {
        scheduler.execute(() -> {
            try {
                clients.putIfAbsent(deviceId, new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Hot-plug: containsKey check skips creation when a client exists. */
    public void onSlaveSeen(String deviceId) {
        scheduler.execute(() -> {
            try {
                if (!clients.containsKey(deviceId)) {
                    clients.put(deviceId, new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS));
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Hot-plug with a "reset" flag: replace() swaps the live client without closing it. */
    public void onSlaveReset(String deviceId) {
        scheduler.execute(() -> {
            DeviceClient fresh = openClient(deviceId);
            // expect: IotHubClientReplacedWithoutClose
            clients.replace(deviceId, fresh);
        });
    }

    /** Hot-plug, naive: put a brand-new client straight into the map from a task. */
    public void onSlaveReplugged(String deviceId) {
        scheduler.execute(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                clients.put(deviceId, new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private DeviceClient openClient(String deviceId) {
        try {
            DeviceClient c = new DeviceClient(registry.connectionString(deviceId), IotHubClientProtocol.AMQPS);
            c.open();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void stop() {
        scheduler.shutdownNow();
        for (DeviceClient c : clients.values()) {
            try {
                c.closeNow();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    public interface DeviceRegistry {
        List<String> configuredDevices();
        List<String> changedDevices();
        String connectionString(String deviceId);
        String read(String deviceId);
    }
}
