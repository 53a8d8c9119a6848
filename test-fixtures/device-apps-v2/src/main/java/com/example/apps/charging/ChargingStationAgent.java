package com.example.apps.charging;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DC fast-charger agent. The station identity carries station-level telemetry and operator methods; each
 * connector (CCS, CHAdeMO) has its own identity because the roaming platform bills per connector.
 */
public class ChargingStationAgent {
    private static final Logger LOG = Logger.getLogger(ChargingStationAgent.class.getName());

    enum ConnectorState { AVAILABLE, PREPARING, CHARGING, FINISHING, FAULTED, UNAVAILABLE }

    record StationConfig(String stationConnectionString, Map<Integer, String> connectorConnectionStrings, String stationId) { }

    private final StationConfig config;
    private final DeviceClient station;
    private final Map<Integer, DeviceClient> connectorClients = new ConcurrentHashMap<>();
    private final Map<Integer, ConnectorState> connectorStates = new ConcurrentHashMap<>();
    private final Map<Integer, Double> sessionKwh = new ConcurrentHashMap<>();
    private final ScheduledExecutorService meter = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService connectorOps = Executors.newSingleThreadExecutor();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private volatile IotHubConnectionStatus stationStatus = IotHubConnectionStatus.DISCONNECTED;

    ChargingStationAgent(StationConfig config) {
        this.config = config;
        this.station = new DeviceClient(config.stationConnectionString(), IotHubClientProtocol.MQTT);
    }

    /** Drops whatever is left of the station session (MQTT session, subscriptions). */
    private void resetSession() {
        LOG.fine("resetting station session");
        station.close();
    }

    /** Recovery worker for the station link; one at a time. */
    private final class LinkRecovery implements Runnable {
        @Override
        public void run() {
            for (int attempt = 1; attempt <= 20; attempt++) {
                try {
                    station.open(false);
                    station.subscribeToMethods(ChargingStationAgent.this::onOperatorMethod, null);
                    LOG.info("station link recovered after " + attempt + " attempt(s)");
                    return;
                } catch (IotHubClientException e) {
                    LOG.warning("station recovery attempt " + attempt + " failed: " + e.getStatusCode());
                    resetSession();
                    sleep(Math.min(120_000L, 3_000L * attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private final IotHubConnectionStatusChangeCallback stationCallback = new IotHubConnectionStatusChangeCallback() {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            stationStatus = ctx.getNewStatus();
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(new LinkRecovery(), "station-recovery").start();
            }
        }
    };

    /** Per-connector status; the connector id travels as the callback context. */
    private void onConnectorStatus(ConnectionStatusChangeContext ctx) {
        int connector = (Integer) ctx.getCallbackContext();
        switch (ctx.getNewStatus()) {
            case CONNECTED:
                LOG.fine("connector " + connector + " online");
                break;
            case DISCONNECTED_RETRYING:
                LOG.info("connector " + connector + " retrying");
                break;
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
                connectorOps.execute(() -> replaceConnectorClient(connector));
                break;
            default:
                break;
        }
    }

    private void replaceConnectorClient(int connector) {
        DeviceClient old = connectorClients.get(connector);
        DeviceClient fresh = new DeviceClient(config.connectorConnectionStrings().get(connector), IotHubClientProtocol.MQTT);
        fresh.setConnectionStatusChangeCallback(this::onConnectorStatus, connector);
        // expect: IotHubClientReplacedWithoutClose
        connectorClients.put(connector, fresh);
        try {
            fresh.open(false);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "connector " + connector + " replacement failed", e);
        }
        if (old != null) {
            old.close();
        }
    }

    void start() throws InterruptedException, IotHubClientException {
        station.setConnectionStatusChangeCallback(stationCallback, null);
        for (int attempt = 1; ; attempt++) {
            try {
                station.open(false);
                break;
            } catch (IotHubClientException e) {
                if (attempt == 10) {
                    throw e;
                }
                resetSession();
                Thread.sleep(2_000L * attempt);
            }
        }
        station.subscribeToMethods(this::onOperatorMethod, null);
        station.subscribeToDesiredProperties(this::onDesired, null);
        for (Map.Entry<Integer, String> e : config.connectorConnectionStrings().entrySet()) {
            DeviceClient c = new DeviceClient(e.getValue(), IotHubClientProtocol.MQTT);
            c.setConnectionStatusChangeCallback(this::onConnectorStatus, e.getKey());
            c.open(true);
            connectorClients.put(e.getKey(), c);
            connectorStates.put(e.getKey(), ConnectorState.AVAILABLE);
        }
        meter.scheduleAtFixedRate(this::meterTick, 0, 30, TimeUnit.SECONDS);
    }

    private void meterTick() {
        connectorStates.forEach((connector, state) -> {
            if (state != ConnectorState.CHARGING) {
                return;
            }
            double kwh = sessionKwh.merge(connector, 150.0 * 30 / 3600, Double::sum);
            DeviceClient c = connectorClients.get(connector);
            Message m = new Message(String.format(Locale.ROOT, "{\"connector\":%d,\"kwh\":%.3f}", connector, kwh));
            m.setContentType("application/json");
            c.sendEventAsync(m, null, null);
        });
        if (stationStatus == IotHubConnectionStatus.CONNECTED) {
            station.sendEventAsync(new Message("{\"station\":\"" + config.stationId() + "\",\"sessions\":" + sessionCounter.get() + "}"), null, null);
        }
    }

    private void onDesired(Twin twin, Object context) {
        Object force = twin.getDesiredProperties().get("forceReconnect");
        if (Boolean.TRUE.equals(force)) {
            LOG.info("operator set forceReconnect in the twin");
            try {
                // expect: IotHubOpenWithoutStatusGuard
                station.open(false);
            } catch (IotHubClientException e) {
                LOG.log(Level.WARNING, "forced reconnect failed", e);
            }
        }
    }

    private DirectMethodResponse onOperatorMethod(String name, DirectMethodPayload payload, Object context) {
        switch (name) {
            case "startSession": {
                int connector = payload.getPayload(Integer.class);
                if (connectorStates.get(connector) != ConnectorState.AVAILABLE) {
                    return new DirectMethodResponse(409, "connector busy");
                }
                connectorStates.put(connector, ConnectorState.CHARGING);
                sessionKwh.put(connector, 0.0);
                sessionCounter.incrementAndGet();
                return new DirectMethodResponse(200, null);
            }
            case "stopSession": {
                int connector = payload.getPayload(Integer.class);
                connectorStates.put(connector, ConnectorState.AVAILABLE);
                return new DirectMethodResponse(200, String.format(Locale.ROOT, "%.3f", sessionKwh.getOrDefault(connector, 0.0)));
            }
            case "setUnavailable": {
                int connector = payload.getPayload(Integer.class);
                connectorStates.put(connector, ConnectorState.UNAVAILABLE);
                return new DirectMethodResponse(200, null);
            }
            default:
                return new DirectMethodResponse(404, null);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        meter.shutdownNow();
        connectorOps.shutdownNow();
        connectorClients.values().forEach(DeviceClient::close);
        station.close();
    }

    public static void main(String[] args) throws Exception {
        Map<Integer, String> connectors = Map.of(1, System.getenv("CONNECTOR1_CS"), 2, System.getenv("CONNECTOR2_CS"));
        ChargingStationAgent agent = new ChargingStationAgent(new StationConfig(System.getenv("STATION_CS"), connectors, "DE*ABC*E12345"));
        Runtime.getRuntime().addShutdownHook(new Thread(agent::stop));
        agent.start();
        Thread.currentThread().join();
    }
}
