package com.example.apps.building;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.MultiplexingClientOptions;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Building-automation hub in the basement rack: one IoT Hub device identity per floor (HVAC + lighting
 * controller on that floor), all multiplexed over one AMQP connection. Floor 0 is the hub's own identity and
 * takes the facility team's direct methods.
 */
public final class BuildingAutomationHub {
    private static final Logger LOG = Logger.getLogger(BuildingAutomationHub.class.getName());

    record FloorConfig(int floor, String connectionString) { }

    record HubConfig(String iotHubHostName, List<FloorConfig> floors, long pollSeconds) { }

    enum FloorLink { ONLINE, RECONNECTING, OFFLINE }

    private final HubConfig config;
    private final MultiplexingClient mux;
    private final Map<Integer, DeviceClient> floorClients = new ConcurrentHashMap<>();
    private final Map<Integer, String> floorConnectionStrings = new ConcurrentHashMap<>();
    private final Map<Integer, FloorLink> floorLinks = new ConcurrentHashMap<>();
    private volatile IotHubConnectionStatus muxStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ExecutorService maintenance = Executors.newSingleThreadExecutor(r -> new Thread(r, "floor-maintenance"));
    private final ScheduledExecutorService bacnet = Executors.newScheduledThreadPool(2);

    BuildingAutomationHub(HubConfig config) {
        this.config = config;
        MultiplexingClientOptions options = MultiplexingClientOptions.builder().keepAliveInterval(120).build();
        this.mux = new MultiplexingClient(config.iotHubHostName(), IotHubClientProtocol.AMQPS, options);
    }

    void start() throws IotHubClientException, InterruptedException {
        for (FloorConfig f : config.floors()) {
            int floor = f.floor();
            DeviceClient floorClient = new DeviceClient(f.connectionString(), IotHubClientProtocol.AMQPS);
            floorClient.setConnectionStatusChangeCallback(ctx -> onFloorStatus(floor, ctx), null);
            floorClients.put(floor, floorClient);
            floorConnectionStrings.put(floor, f.connectionString());
        }
        mux.setConnectionStatusChangeCallback(this::onMuxStatus, null);
        mux.registerDeviceClients(floorClients.values());
        for (int attempt = 1; ; attempt++) {
            try {
                mux.open(true);
                break;
            } catch (IotHubClientException e) {
                mux.close();
                if (attempt == 5) {
                    throw e;
                }
                LOG.warning("multiplexed open failed (" + e.getStatusCode() + "), attempt " + attempt);
                Thread.sleep(attempt * 5_000L);
            }
        }
        DeviceClient lobby = floorClients.get(0);
        if (lobby != null) {
            lobby.subscribeToMethods(this::onFacilityMethod, null);
        }
        bacnet.scheduleAtFixedRate(this::pollBacnet, 0, config.pollSeconds(), TimeUnit.SECONDS);
        bacnet.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.MINUTES);
    }

    // ------------------------------------------------------------ status callbacks

    private void onMuxStatus(ConnectionStatusChangeContext ctx) {
        muxStatus = ctx.getNewStatus();
        LOG.info("AMQP connection " + ctx.getPreviousStatus() + " -> " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
            LOG.severe("hub rejected our credentials; shutting the multiplexed link down until a technician checks the SAS keys");
            // expect: IotHubReconnectOnCallbackThread
            mux.close();
        }
    }

    private void onFloorStatus(int floor, ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus s = ctx.getNewStatus();
        floorLinks.put(floor, s == IotHubConnectionStatus.CONNECTED ? FloorLink.ONLINE
                : s == IotHubConnectionStatus.DISCONNECTED_RETRYING ? FloorLink.RECONNECTING : FloorLink.OFFLINE);
        // expect: IotHubReopenAfterClientClose
        if (s == IotHubConnectionStatus.DISCONNECTED) {
            LOG.warning("floor " + floor + " session lost (" + ctx.getNewStatusReason() + "), rebuilding it");
            maintenance.execute(() -> rebuildFloor(floor));
        }
    }

    /** Replace a dead floor session with a fresh client on the same multiplexed connection. */
    private void rebuildFloor(int floor) {
        DeviceClient old = floorClients.remove(floor);
        try {
            if (old != null) {
                mux.unregisterDeviceClient(old);
                old.close();
            }
            DeviceClient fresh = new DeviceClient(floorConnectionStrings.get(floor), IotHubClientProtocol.AMQPS);
            fresh.setConnectionStatusChangeCallback(ctx -> onFloorStatus(floor, ctx), null);
            floorClients.put(floor, fresh);
            mux.registerDeviceClient(fresh);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "could not rebuild floor " + floor, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchdog() {
        if (muxStatus != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        LOG.warning("multiplexed connection is down, reopening");
        try {
            mux.open(false);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "watchdog reopen failed; next check in a minute", e);
        }
    }

    // ------------------------------------------------------------ BACnet side

    private void pollBacnet() {
        floorClients.forEach((floor, client) -> {
            if (floorLinks.get(floor) != FloorLink.ONLINE) {
                return;
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String json = String.format("{\"floor\":%d,\"zoneTempC\":%.1f,\"co2ppm\":%d,\"lightsOn\":%b}",
                    floor, r.nextDouble(19, 25), r.nextInt(400, 1200), r.nextBoolean());
            Message m = new Message(json.getBytes(StandardCharsets.UTF_8));
            m.setContentType("application/json");
            client.sendEventAsync(m, (sent, error, c) -> {
                if (error != null) {
                    LOG.fine("floor " + floor + " telemetry failed: " + error.getStatusCode());
                }
            }, null);
        });
    }

    // ------------------------------------------------------------ facility methods (floor 0 identity)

    private DirectMethodResponse onFacilityMethod(String name, DirectMethodPayload payload, Object context) {
        try {
            switch (name) {
                case "commissionFloor": {
                    String[] args = payload.getPayload(String.class).split(";", 2);
                    int floor = Integer.parseInt(args[0]);
                    floorConnectionStrings.put(floor, args[1]);
                    // expect: IotHubClientReplacedWithoutClose
                    floorClients.put(floor, new DeviceClient(args[1], IotHubClientProtocol.AMQPS));
                    DeviceClient added = floorClients.get(floor);
                    added.setConnectionStatusChangeCallback(c -> onFloorStatus(floor, c), null);
                    mux.registerDeviceClient(added);
                    return new DirectMethodResponse(200, "floor " + floor + " commissioned");
                }
                case "rotateFloorKey": {
                    String[] args = payload.getPayload(String.class).split(";", 2);
                    int floor = Integer.parseInt(args[0]);
                    floorConnectionStrings.put(floor, args[1]);
                    DeviceClient previous = floorClients.remove(floor);
                    if (previous != null) {
                        mux.unregisterDeviceClient(previous);
                        previous.close();
                    }
                    floorClients.put(floor, new DeviceClient(args[1], IotHubClientProtocol.AMQPS));
                    DeviceClient rotated = floorClients.get(floor);
                    rotated.setConnectionStatusChangeCallback(c -> onFloorStatus(floor, c), null);
                    mux.registerDeviceClient(rotated);
                    return new DirectMethodResponse(200, "key rotated");
                }
                case "resetFloorSession": {
                    int floor = payload.getPayload(Integer.class);
                    DeviceClient replaced = floorClients.put(floor, new DeviceClient(floorConnectionStrings.get(floor), IotHubClientProtocol.AMQPS));
                    if (replaced != null) {
                        mux.unregisterDeviceClient(replaced);
                        replaced.close();
                    }
                    mux.registerDeviceClient(floorClients.get(floor));
                    return new DirectMethodResponse(200, null);
                }
                case "reconnectHub": {
                    LOG.info("facility team requested a reconnect of the shared AMQP connection");
                    // expect: IotHubOpenWithoutStatusGuard
                    mux.open(false);
                    return new DirectMethodResponse(200, "reconnected");
                }
                case "decommissionFloor": {
                    int floor = payload.getPayload(Integer.class);
                    DeviceClient gone = floorClients.remove(floor);
                    if (gone != null) {
                        mux.unregisterDeviceClient(gone);
                    }
                    floorLinks.remove(floor);
                    return new DirectMethodResponse(200, null);
                }
                default:
                    return new DirectMethodResponse(404, null);
            }
        } catch (IotHubClientException | RuntimeException e) {
            LOG.log(Level.WARNING, "facility method " + name + " failed", e);
            return new DirectMethodResponse(500, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DirectMethodResponse(503, "interrupted");
        }
    }

    void stop() {
        bacnet.shutdownNow();
        maintenance.shutdownNow();
        mux.close();
    }

    public static void main(String[] args) throws Exception {
        List<FloorConfig> floors = List.of(
                new FloorConfig(0, System.getenv("FLOOR0_CS")),
                new FloorConfig(1, System.getenv("FLOOR1_CS")),
                new FloorConfig(2, System.getenv("FLOOR2_CS")),
                new FloorConfig(3, System.getenv("FLOOR3_CS")));
        BuildingAutomationHub hub = new BuildingAutomationHub(
                new HubConfig(System.getenv("IOTHUB_HOSTNAME"), floors, 60));
        Runtime.getRuntime().addShutdownHook(new Thread(hub::stop));
        hub.start();
        Thread.currentThread().join();
    }
}
