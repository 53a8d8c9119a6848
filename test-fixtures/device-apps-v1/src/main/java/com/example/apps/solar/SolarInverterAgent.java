package com.example.apps.solar;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProviderSymmetricKey;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Residential solar inverter agent (SDK 1.x, DPS symmetric-key enrolment). Reports production every minute,
 * supports curtailment from the grid operator, and re-provisions when the installer moves the site to another hub.
 */
public class SolarInverterAgent {
    private static final Logger LOG = Logger.getLogger(SolarInverterAgent.class.getName());

    /** Remembers the last status and reason for the diagnostics page. */
    record LinkHistory(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, long atMillis) { }

    private final SecurityProvider securityProvider;
    private final String deviceId;
    private volatile String assignedHub;
    private DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile LinkHistory history;
    private volatile int curtailmentPercent = 100;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    SolarInverterAgent(String registrationId, String symmetricKey, String assignedHub) {
        this.deviceId = registrationId;
        this.assignedHub = assignedHub;
        this.securityProvider = new SecurityProviderSymmetricKey(symmetricKey.getBytes(StandardCharsets.UTF_8), registrationId);
    }

    private final IotHubConnectionStatusChangeCallback linkCallback = new IotHubConnectionStatusChangeCallback() {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
            IotHubConnectionStatus s = status;
            lastStatus = s;
            history = new LinkHistory(s, reason, System.currentTimeMillis());
            // expect: IotHubReopenAfterClientClose
            if (s == IotHubConnectionStatus.DISCONNECTED) {
                LOG.warning("inverter link down (" + reason + "), reopening in 30s");
                scheduler.schedule(SolarInverterAgent.this::reopen, 30, TimeUnit.SECONDS);
            }
        }
    };

    void start() throws IOException, URISyntaxException, InterruptedException {
        client = DeviceClient.createFromSecurityProvider(assignedHub, deviceId, securityProvider, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(linkCallback, null);
        while (lastStatus != IotHubConnectionStatus.CONNECTED) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
            } catch (IOException e) {
                LOG.warning("inverter offline at boot: " + e.getMessage());
                Thread.sleep(10_000);
            }
        }
        subscribe();
        scheduler.scheduleAtFixedRate(this::report, 0, 1, TimeUnit.MINUTES);
    }

    private void subscribe() throws IOException {
        client.subscribeToDeviceMethod((method, data, ctx) -> onMethod(method, data), null,
                (status, ctx) -> LOG.fine("method subscription " + status), null);
        client.startDeviceTwin((status, ctx) -> LOG.fine("twin " + status), null, new DesiredSiteSettings(), null);
    }

    private void reopen() {
        try {
            client.closeNow();
            client.open(true);
            subscribe();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reopen failed", e);
        }
    }

    private void report() {
        if (lastStatus != IotHubConnectionStatus.CONNECTED) {
            return;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double dcKw = r.nextDouble(0, 8.5);
        double acKw = dcKw * 0.965 * curtailmentPercent / 100.0;
        Message m = new Message(String.format(Locale.ROOT, "{\"dcKw\":%.2f,\"acKw\":%.2f,\"curtail\":%d,\"tempC\":%.1f}",
                dcKw, acKw, curtailmentPercent, 35 + r.nextDouble(20)));
        m.setContentType("application/json");
        client.sendEventAsync(m, (status, ctx) -> {
            if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                LOG.fine("report not acknowledged: " + status);
            }
        }, null);
    }

    /** Desired properties from the installer app. */
    private final class DesiredSiteSettings implements TwinPropertyCallBack {
        @Override
        public void TwinPropertyCallBack(Property property, Object context) {
            if (!"assignedHub".equals(property.getKey())) {
                return;
            }
            String newHub = String.valueOf(property.getValue());
            if (newHub.equals(assignedHub)) {
                return;
            }
            LOG.info("site moved to " + newHub);
            try {
                if (client != null) {
                    client.closeNow();
                }
                assignedHub = newHub;
                client = DeviceClient.createFromSecurityProvider(newHub, deviceId, securityProvider, IotHubClientProtocol.MQTT);
                client.registerConnectionStatusChangeCallback(linkCallback, null);
                client.open();
                subscribe();
            } catch (IOException | URISyntaxException e) {
                LOG.log(Level.SEVERE, "hub move failed", e);
            }
        }
    }

    private DeviceMethodData onMethod(String method, Object data) {
        switch (method) {
            case "curtail":
                curtailmentPercent = Math.max(0, Math.min(100, Integer.parseInt(String.valueOf(data))));
                return new DeviceMethodData(200, "curtailed to " + curtailmentPercent + "%");
            case "reprovision":
                try {
                    String hub = String.valueOf(data).replace("\"", "");
                    assignedHub = hub;
                    // expect: IotHubClientReplacedWithoutClose
                    client = DeviceClient.createFromSecurityProvider(hub, deviceId, securityProvider, IotHubClientProtocol.MQTT);
                    client.registerConnectionStatusChangeCallback(linkCallback, null);
                    client.open();
                    return new DeviceMethodData(200, "reprovisioned to " + hub);
                } catch (IOException | URISyntaxException e) {
                    return new DeviceMethodData(500, e.getMessage());
                }
            case "history":
                return new DeviceMethodData(200, String.valueOf(history));
            default:
                return new DeviceMethodData(404, "unknown");
        }
    }

    void stop() {
        scheduler.shutdownNow();
        try {
            if (client != null) {
                client.closeNow();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        SolarInverterAgent agent = new SolarInverterAgent(System.getenv("DPS_REGISTRATION_ID"),
                System.getenv("DPS_SYMMETRIC_KEY"), System.getenv("ASSIGNED_HUB"));
        Runtime.getRuntime().addShutdownHook(new Thread(agent::stop));
        agent.start();
        Thread.currentThread().join();
    }
}
