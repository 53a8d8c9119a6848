package com.example.apps.reefer;

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

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Vessel gateway for refrigerated containers (reefers). The gateway has its own identity for alarms and
 * operator methods; each reefer has its own identity so the shipper sees it as a device of its own.
 */
public final class ReeferGateway {
    private static final Logger LOG = Logger.getLogger(ReeferGateway.class.getName());
    private static final double ALARM_ABOVE_C = -15.0;

    enum ConnState { ONLINE, RETRYING, DISCONNECTED, STOPPED }

    record GatewayConfig(String gatewayConnectionString, Map<String, String> reeferConnectionStrings, String vessel) { }

    private final GatewayConfig config;
    private volatile DeviceClient gatewayClient;
    private volatile ConnState connState = ConnState.DISCONNECTED;
    private final Map<String, DeviceClient> reefers = new ConcurrentHashMap<>();
    private final Map<String, Double> lastTemperature = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    private final ExecutorService reeferOps = Executors.newFixedThreadPool(2);

    ReeferGateway(GatewayConfig config) {
        this.config = config;
    }

    private void attachCallbacks(DeviceClient c) {
        c.setConnectionStatusChangeCallback(ctx -> {
            connState = switch (ctx.getNewStatus()) {
                case CONNECTED -> ConnState.ONLINE;
                case DISCONNECTED_RETRYING -> ConnState.RETRYING;
                case DISCONNECTED -> ConnState.DISCONNECTED;
            };
            LOG.info("gateway link " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            LOG.warning("gateway link lost, starting reconnect loop");
            new Thread(this::reconnectLoop, "gateway-reconnect").start();
        }, null);
    }

    void start() throws InterruptedException, IotHubClientException {
        gatewayClient = new DeviceClient(config.gatewayConnectionString(), IotHubClientProtocol.AMQPS);
        attachCallbacks(gatewayClient);
        boolean opened = false;
        for (int attempt = 1; !opened; attempt++) {
            try {
                gatewayClient.open(false);
                opened = true;
            } catch (IotHubClientException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.warning("gateway open failed (" + e.getStatusCode() + "), attempt " + attempt);
                Thread.sleep(1_000L * attempt);
            } finally {
                if (!opened) {
                    gatewayClient.close();
                }
            }
        }
        gatewayClient.subscribeToMethods(this::onOperatorMethod, null);

        for (Map.Entry<String, String> e : config.reeferConnectionStrings().entrySet()) {
            String reeferId = e.getKey();
            DeviceClient reefer = new DeviceClient(e.getValue(), IotHubClientProtocol.AMQPS);
            reefer.setConnectionStatusChangeCallback(new ReeferStatus(reeferId), null);
            reefer.open(true);
            reefers.put(reeferId, reefer);
        }
        scheduler.scheduleAtFixedRate(this::sampleReefers, 0, 60, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::ensureConnected, 30, 30, TimeUnit.SECONDS);
    }

    /** Started from the status callback when the gateway link is down for good. */
    private void reconnectLoop() {
        int attempt = 0;
        do {
            attempt++;
            try {
                // expect: IotHubOpenRetryWithoutClose
                gatewayClient.open(false);
                LOG.info("gateway link back after " + attempt + " attempt(s)");
                return;
            } catch (IotHubClientException e) {
                LOG.log(Level.WARNING, "reconnect attempt " + attempt + " failed", e);
                sleep(Math.min(300_000L, 5_000L * attempt));
            }
        } while (connState == ConnState.DISCONNECTED);
    }

    /** Periodic safety net, e.g. when the satellite terminal was power-cycled. */
    private void ensureConnected() {
        if (connState != ConnState.DISCONNECTED) {
            return;
        }
        if (gatewayClient == null) {
            gatewayClient = new DeviceClient(config.gatewayConnectionString(), IotHubClientProtocol.AMQPS);
            attachCallbacks(gatewayClient);
        }
        try {
            gatewayClient.open(false);
        } catch (IotHubClientException e) {
            LOG.fine("safety-net open failed: " + e.getStatusCode());
        }
    }

    /** Per-reefer status. */
    private final class ReeferStatus implements IotHubConnectionStatusChangeCallback {
        private final String reeferId;

        ReeferStatus(String reeferId) {
            this.reeferId = reeferId;
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus().equals(IotHubConnectionStatus.DISCONNECTED) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                // wait for the reopen so that status changes of one reefer are handled in order
                CompletableFuture.runAsync(() -> reopenReefer(reeferId), reeferOps).join();
            }
        }
    }

    private void reopenReefer(String reeferId) {
        DeviceClient reefer = reefers.get(reeferId);
        if (reefer == null) {
            return;
        }
        reefer.close();
        try {
            reefer.open(false);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "reefer " + reeferId + " did not come back", e);
        }
    }

    private void sampleReefers() {
        reefers.forEach((id, client) -> {
            double t = -18 + ThreadLocalRandom.current().nextGaussian() * 1.5;
            lastTemperature.put(id, t);
            Message m = new Message(String.format(Locale.ROOT, "{\"reefer\":\"%s\",\"supplyAirC\":%.2f}", id, t));
            m.setContentType("application/json");
            try {
                client.sendEventAsync(m, null, null);
            } catch (IllegalStateException notOpen) {
                LOG.fine(id + " not open");
            }
            if (t > ALARM_ABOVE_C) {
                raiseAlarm(id, t);
            }
        });
    }

    private void raiseAlarm(String reeferId, double temperature) {
        Message alarm = new Message(String.format(Locale.ROOT,
                "{\"vessel\":\"%s\",\"reefer\":\"%s\",\"alarm\":\"TEMP_HIGH\",\"c\":%.2f}", config.vessel(), reeferId, temperature));
        alarm.setProperty("severity", "critical");
        CompletableFuture.runAsync(() -> {
            try {
                gatewayClient.sendEvent(alarm, 30_000);
            } catch (IotHubClientException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, scheduler).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warning("alarm for " + reeferId + " not delivered, reopening gateway link and resending");
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    gatewayClient.open(false);
                    gatewayClient.sendEvent(alarm, 30_000);
                } catch (IotHubClientException | InterruptedException e) {
                    LOG.log(Level.SEVERE, "alarm lost for " + reeferId, e);
                }
            }
        });
    }

    private DirectMethodResponse onOperatorMethod(String name, DirectMethodPayload payload, Object context) {
        switch (name) {
            case "reconnectAll": {
                int ok = 0;
                for (DeviceClient reefer : reefers.values()) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        reefer.open(false);
                        ok++;
                    } catch (IotHubClientException e) {
                        LOG.warning("reefer reconnect failed: " + e.getStatusCode());
                    }
                }
                return new DirectMethodResponse(200, "{\"reconnected\":" + ok + "}");
            }
            case "temperatures":
                return new DirectMethodResponse(200, lastTemperature.toString());
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
        connState = ConnState.STOPPED;
        scheduler.shutdownNow();
        reeferOps.shutdownNow();
        reefers.values().forEach(DeviceClient::close);
        if (gatewayClient != null) {
            gatewayClient.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> reefers = new ConcurrentHashMap<>();
        for (int i = 1; i <= 40; i++) {
            String id = String.format("MSCU%07d", 1_000_000 + i);
            reefers.put(id, System.getenv("REEFER_" + i + "_CS"));
        }
        ReeferGateway gateway = new ReeferGateway(new GatewayConfig(System.getenv("GATEWAY_CS"), reefers, "MV Example"));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop));
        gateway.start();
        Thread.currentThread().join();
    }
}
