package com.example.apps.hvac;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rooftop HVAC unit controller: compressor staging, economizer, fault reporting.
 */
public class HvacRooftopController {
    private static final Logger LOG = Logger.getLogger(HvacRooftopController.class.getName());

    enum Mode { OFF, FAN_ONLY, COOL_STAGE1, COOL_STAGE2, ECONOMIZER, LOCKOUT }

    record UnitConfig(String connectionString, String unitTag, double setpointC, double deadbandC) { }

    private final UnitConfig config;
    private DeviceClient client;
    private volatile boolean connected;
    private volatile Mode mode = Mode.OFF;
    private volatile double setpointC;
    private volatile boolean relinkRequested;
    private final ExecutorService reconnectExecutor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService control = Executors.newScheduledThreadPool(2);

    public HvacRooftopController(UnitConfig config) {
        this.config = config;
        this.setpointC = config.setpointC();
    }

    private void onStatus(ConnectionStatusChangeContext ctx) {
        connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
        LOG.info("unit " + config.unitTag() + " link " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
            LOG.warning("terminal disconnect, escalating to the BMS alarm list");
            relinkRequested = true;
            reconnectExecutor.submit(this::reconnect);
        }
        // expect: IotHubReopenAfterClientClose
        if (!connected) {
            reconnectExecutor.submit(this::reconnect);
        }
    }

    private void reconnect() {
        client.close();
        try {
            client.open(false);
            client.subscribeToMethods(this::onMethod, null);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "reconnect failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Boot: the LTE modem on the roof can take a while; build a fresh client per attempt. */
    public void start() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            DeviceClient candidate = new DeviceClient(config.connectionString(), IotHubClientProtocol.MQTT);
            candidate.setConnectionStatusChangeCallback(this::onStatus, null);
            try {
                // expect: IotHubOpenRetryWithoutClose
                candidate.open(true);
                client = candidate;
                break;
            } catch (IotHubClientException e) {
                LOG.warning("boot connect attempt " + attempt + " failed: " + e.getStatusCode());
                Thread.sleep(Math.min(60_000L, 2_000L * attempt));
            }
        }
        try {
            client.subscribeToMethods(this::onMethod, null);
            client.subscribeToDesiredProperties(this::onDesired, null);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "subscriptions failed", e);
        }
        control.scheduleAtFixedRate(this::controlLoop, 0, 10, TimeUnit.SECONDS);
        control.scheduleWithFixedDelay(this::connectIfNeeded, 5, 5, TimeUnit.MINUTES);
    }

    /** Safety net in case the client was dropped by a credential rotation that failed half-way. */
    private void connectIfNeeded() {
        if (client == null) {
            client = new DeviceClient(config.connectionString(), IotHubClientProtocol.MQTT);
            client.setConnectionStatusChangeCallback(this::onStatus, null);
        }
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            LOG.fine("safety-net open failed: " + e.getStatusCode());
        }
    }

    private void controlLoop() {
        double supplyAir = 12 + ThreadLocalRandom.current().nextGaussian();
        double returnAir = 23 + ThreadLocalRandom.current().nextGaussian();
        double outdoor = 18 + ThreadLocalRandom.current().nextGaussian() * 5;
        if (mode != Mode.LOCKOUT) {
            if (returnAir > setpointC + config.deadbandC() * 2) {
                mode = Mode.COOL_STAGE2;
            } else if (returnAir > setpointC + config.deadbandC()) {
                mode = outdoor < returnAir - 3 ? Mode.ECONOMIZER : Mode.COOL_STAGE1;
            } else {
                mode = Mode.FAN_ONLY;
            }
        }
        if (relinkRequested) {
            relinkRequested = false;
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                LOG.fine("relink from control loop failed: " + e.getStatusCode());
            }
        }
        if (!connected) {
            return;
        }
        Message m = new Message(String.format(Locale.ROOT,
                "{\"unit\":\"%s\",\"mode\":\"%s\",\"sat\":%.1f,\"rat\":%.1f,\"oat\":%.1f,\"sp\":%.1f}",
                config.unitTag(), mode, supplyAir, returnAir, outdoor, setpointC));
        client.sendEventAsync(m, (sent, e, ctx) -> {
            if (e != null) {
                LOG.fine("telemetry failed: " + e.getStatusCode());
            }
        }, null);
    }

    private void onDesired(Twin twin, Object context) {
        Object sp = twin.getDesiredProperties().get("setpointC");
        if (sp instanceof Number n) {
            setpointC = n.doubleValue();
        }
    }

    private DirectMethodResponse onMethod(String name, DirectMethodPayload payload, Object context) {
        try {
            switch (name) {
                case "lockout":
                    mode = Mode.LOCKOUT;
                    return new DirectMethodResponse(200, null);
                case "clearLockout":
                    mode = Mode.OFF;
                    return new DirectMethodResponse(200, null);
                case "reconnect": {
                    boolean hard = Boolean.TRUE.equals(payload.getPayload(Boolean.class));
                    if (hard) {
                        client.close();
                    }
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                    return new DirectMethodResponse(200, hard ? "hard reconnect" : "reconnect");
                }
                case "rotateKey": {
                    String newConnectionString = payload.getPayload(String.class);
                    // make-before-break: bring the new session up first so no telemetry is lost
                    DeviceClient old = client;
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(newConnectionString, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(this::onStatus, null);
                    client.open(false);
                    old.close();
                    return new DirectMethodResponse(200, "rotated");
                }
                case "selfTest":
                    return new DirectMethodResponse(selfTest() ? 200 : 500, null);
                default:
                    return new DirectMethodResponse(404, null);
            }
        } catch (IotHubClientException e) {
            return new DirectMethodResponse(500, e.getStatusCode().toString());
        }
    }

    /** Commissioning self-test; reviewed: the technician runs it only with the unit in lockout and offline. */
    @SuppressWarnings("IotHubOpenWithoutStatusGuard")
    private boolean selfTest() {
        try {
            client.open(false);
            client.sendEvent(new Message("{\"selfTest\":\"ok\"}"), 10_000);
            return true;
        } catch (IotHubClientException | InterruptedException e) {
            return false;
        }
    }

    public void stop() {
        control.shutdownNow();
        reconnectExecutor.shutdownNow();
        if (client != null) {
            client.close();
        }
    }

    public static void main(String[] args) throws Exception {
        HvacRooftopController c = new HvacRooftopController(
                new UnitConfig(System.getenv("RTU_CS"), System.getenv().getOrDefault("RTU_TAG", "RTU-3"), 22.0, 0.8));
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        c.start();
        Thread.currentThread().join();
    }
}
