package com.example.apps.building;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Floor gateway of an office tower (SDK 1.x): one DeviceClient per floor controller, all multiplexed over a
 * single AMQPS connection. The lobby identity answers the facility-management methods.
 */
public class FloorGatewayHub {
    private static final Logger LOG = Logger.getLogger(FloorGatewayHub.class.getName());
    private static final String LOBBY = "lobby";

    private final String hostName;
    private final Map<String, String> floorConnectionStrings;
    private final MultiplexingClient mux;
    private final Map<String, DeviceClient> floors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> floorOnline = new ConcurrentHashMap<>();
    private volatile IotHubConnectionStatus muxStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ExecutorService maintenance = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2);
    private final Random sensors = new Random();

    FloorGatewayHub(String hostName, Map<String, String> floorConnectionStrings) {
        this.hostName = hostName;
        this.floorConnectionStrings = new ConcurrentHashMap<>(floorConnectionStrings);
        this.mux = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
    }

    /** Status of the shared AMQP connection. */
    private final class MuxStatusTracker implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
            muxStatus = status;
            LOG.info("AMQP connection to " + hostName + ": " + status + " (" + reason + ")");
            if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                maintenance.execute(FloorGatewayHub.this::reopenMux);
            }
        }
    }

    private IotHubConnectionStatus getMuxStatus() {
        return muxStatus;
    }

    void start() throws URISyntaxException, InterruptedException, MultiplexingClientException, IOException {
        for (Map.Entry<String, String> entry : floorConnectionStrings.entrySet()) {
            DeviceClient floorClient = new DeviceClient(entry.getValue(), IotHubClientProtocol.AMQPS);
            floorClient.registerConnectionStatusChangeCallback(this::onFloorStatus, entry.getKey());
            floors.put(entry.getKey(), floorClient);
            mux.registerDeviceClient(floorClient);
        }
        mux.registerConnectionStatusChangeCallback(new MuxStatusTracker(), null);

        boolean muxOpen = false;
        int attempts = 0;
        while (!muxOpen && attempts < 10) {
            attempts++;
            try {
                // expect: IotHubOpenRetryWithoutClose
                mux.open();
                muxOpen = true;
            } catch (MultiplexingClientException e) {
                LOG.warning("multiplexed open failed (attempt " + attempts + "): " + e.getMessage());
                Thread.sleep(2_000L * attempts);
            }
        }
        if (!muxOpen) {
            throw new MultiplexingClientException("could not open the multiplexed connection");
        }

        DeviceClient lobby = floors.get(LOBBY);
        if (lobby != null) {
            lobby.subscribeToDeviceMethod((method, data, ctx) -> onFacilityMethod(method, data), null,
                    (status, ctx) -> LOG.fine("facility methods: " + status), null);
        }
        poller.scheduleAtFixedRate(this::pollFloors, 5, 30, TimeUnit.SECONDS);
        poller.scheduleWithFixedDelay(this::muxWatchdog, 2, 2, TimeUnit.MINUTES);
    }

    private void onFloorStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        String floorId = (String) context;
        switch (status) {
            case CONNECTED:
                floorOnline.put(floorId, true);
                break;
            case DISCONNECTED_RETRYING:
                floorOnline.put(floorId, false);
                break;
            case DISCONNECTED:
                floorOnline.put(floorId, false);
                switch (reason) {
                    case CLIENT_CLOSE:
                        LOG.info(floorId + " session closed by the gateway");
                        break;
                    case BAD_CREDENTIAL:
                        LOG.severe(floorId + " credentials rejected, taking the floor offline");
                        markFloorDead(floorId);
                        break;
                    default:
                        maintenance.execute(() -> rebuildFloor(floorId));
                        break;
                }
                break;
            default:
                break;
        }
    }

    private void markFloorDead(String floorId) {
        DeviceClient dead = floors.remove(floorId);
        if (dead == null) {
            return;
        }
        try {
            mux.unregisterDeviceClient(dead);
            // expect: IotHubReconnectOnCallbackThread
            dead.closeNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MultiplexingClientException | IOException e) {
            LOG.log(Level.WARNING, "could not retire " + floorId, e);
        }
    }

    private void rebuildFloor(String floorId) {
        try {
            DeviceClient old = floors.remove(floorId);
            if (old != null) {
                mux.unregisterDeviceClient(old);
                old.closeNow();
            }
            DeviceClient fresh = new DeviceClient(floorConnectionStrings.get(floorId), IotHubClientProtocol.AMQPS);
            fresh.registerConnectionStatusChangeCallback(this::onFloorStatus, floorId);
            floors.put(floorId, fresh);
            mux.registerDeviceClient(fresh);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MultiplexingClientException | IOException | URISyntaxException e) {
            LOG.log(Level.WARNING, "could not rebuild " + floorId, e);
        }
    }

    private void reopenMux() {
        try {
            mux.close();
            mux.open();
        } catch (MultiplexingClientException e) {
            LOG.log(Level.WARNING, "reopening the AMQP connection failed; watchdog will retry", e);
        }
    }

    private void muxWatchdog() {
        if (getMuxStatus() == IotHubConnectionStatus.DISCONNECTED) {
            try {
                mux.open();
            } catch (MultiplexingClientException e) {
                LOG.log(Level.WARNING, "watchdog open failed", e);
            }
        }
    }

    private void pollFloors() {
        floors.forEach((floorId, client) -> {
            if (!Boolean.TRUE.equals(floorOnline.get(floorId))) {
                return;
            }
            String json = String.format(Locale.ROOT, "{\"floor\":\"%s\",\"tempC\":%.1f,\"occupancy\":%d}",
                    floorId, 20 + sensors.nextDouble() * 4, sensors.nextInt(120));
            client.sendEventAsync(new Message(json), (status, ctx) -> {
                if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                    LOG.fine(floorId + " telemetry: " + status);
                }
            }, null);
        });
    }

    private DeviceMethodData onFacilityMethod(String method, Object data) {
        String[] args = String.valueOf(data).replace("\"", "").split(";", 2);
        String floorId = args[0];
        try {
            switch (method) {
                case "addFloor": {
                    floorConnectionStrings.put(floorId, args[1]);
                    DeviceClient added = new DeviceClient(args[1], IotHubClientProtocol.AMQPS);
                    added.registerConnectionStatusChangeCallback(this::onFloorStatus, floorId);
                    // expect: IotHubClientReplacedWithoutClose
                    floors.put(floorId, added);
                    mux.registerDeviceClient(added);
                    return new DeviceMethodData(200, floorId + " added");
                }
                case "replaceFloorKey": {
                    floorConnectionStrings.put(floorId, args[1]);
                    DeviceClient old = floors.get(floorId);
                    if (old != null) {
                        mux.unregisterDeviceClient(old);
                        old.closeNow();
                    }
                    DeviceClient fresh = new DeviceClient(args[1], IotHubClientProtocol.AMQPS);
                    fresh.registerConnectionStatusChangeCallback(this::onFloorStatus, floorId);
                    floors.put(floorId, fresh);
                    mux.registerDeviceClient(fresh);
                    return new DeviceMethodData(200, "key replaced");
                }
                case "reconnectHub": {
                    if (getMuxStatus() != IotHubConnectionStatus.DISCONNECTED) {
                        return new DeviceMethodData(409, "connection is " + getMuxStatus() + ", the SDK owns it");
                    }
                    mux.open();
                    return new DeviceMethodData(200, "reconnected");
                }
                case "forceReconnectHub": {
                    // expect: IotHubOpenWithoutStatusGuard
                    mux.open();
                    return new DeviceMethodData(200, "reconnected");
                }
                case "removeFloor": {
                    DeviceClient gone = floors.remove(floorId);
                    if (gone != null) {
                        mux.unregisterDeviceClient(gone);
                    }
                    floorConnectionStrings.remove(floorId);
                    return new DeviceMethodData(200, null);
                }
                default:
                    return new DeviceMethodData(404, "unknown method");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeviceMethodData(503, "interrupted");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "facility method " + method + " failed", e);
            return new DeviceMethodData(500, e.getMessage());
        }
    }

    void stop() {
        poller.shutdownNow();
        maintenance.shutdownNow();
        try {
            mux.close();
        } catch (MultiplexingClientException e) {
            LOG.log(Level.WARNING, "close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> floors = new LinkedHashMap<>();
        floors.put(LOBBY, System.getenv("LOBBY_CS"));
        for (int f = 1; f <= 12; f++) {
            floors.put("floor-" + f, System.getenv("FLOOR_" + f + "_CS"));
        }
        FloorGatewayHub hub = new FloorGatewayHub(System.getenv("IOTHUB_HOST"), floors);
        Runtime.getRuntime().addShutdownHook(new Thread(hub::stop));
        hub.start();
        Thread.currentThread().join();
    }
}
