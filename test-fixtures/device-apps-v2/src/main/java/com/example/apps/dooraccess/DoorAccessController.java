package com.example.apps.dooraccess;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Door access controller: badge whitelist pushed from the cloud (C2D), door events reported as telemetry,
 * remote unlock as a direct method. The audit trail goes to a second identity owned by the security team.
 */
public class DoorAccessController {
    private static final Logger LOG = Logger.getLogger(DoorAccessController.class.getName());

    /** Reusable "auto relink" status callback shared by our door and turnstile products. */
    record AutoRelink(DeviceClient client, String name) implements IotHubConnectionStatusChangeCallback {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            LOG.info(name + ": " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    LOG.log(Level.WARNING, name + " relink failed", e);
                }
            }
        }
    }

    private DeviceClient client;
    private final String auditConnectionString;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private final Set<String> allowedBadges = ConcurrentHashMap.newKeySet();
    private final ExecutorService auditExecutor = Executors.newSingleThreadExecutor();
    private volatile boolean doorLocked = true;

    DoorAccessController(DeviceClient client, String auditConnectionString) {
        this.client = client;
        this.auditConnectionString = auditConnectionString;
        client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
    }

    /** Boot: block until the SDK reports CONNECTED. */
    void waitUntilOnline() throws InterruptedException {
        while (lastStatus != IotHubConnectionStatus.CONNECTED) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
            } catch (IotHubClientException e) {
                LOG.warning("door controller offline (" + e.getStatusCode() + "), retrying");
                Thread.sleep(5_000);
            }
        }
        client.setMessageCallback(this::onWhitelist, null);
        try {
            client.subscribeToMethods(this::onMethod, null);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "method subscription failed", e);
        }
    }

    private IotHubMessageResult onWhitelist(Message message, Object context) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        allowedBadges.clear();
        for (String badge : body.split(",")) {
            if (!badge.isBlank()) {
                allowedBadges.add(badge.trim());
            }
        }
        LOG.info("whitelist updated: " + allowedBadges.size() + " badges");
        return IotHubMessageResult.COMPLETE;
    }

    /** Badge reader interrupt. */
    public boolean onBadge(String badge) {
        boolean granted = allowedBadges.contains(badge);
        if (granted) {
            doorLocked = false;
        }
        Message event = new Message("{\"badge\":\"" + badge + "\",\"granted\":" + granted + "}");
        event.setProperty("type", "doorEvent");
        if (lastStatus == IotHubConnectionStatus.CONNECTED) {
            client.sendEventAsync(event, null, null);
        }
        auditExecutor.execute(() -> audit(badge, granted));
        return granted;
    }

    /** Opens a short-lived connection for the security team's audit identity. */
    private DeviceClient openAuditConnection() throws IotHubClientException {
        DeviceClient audit = new DeviceClient(auditConnectionString, IotHubClientProtocol.HTTPS);
        audit.open(false);
        return audit;
    }

    private void audit(String badge, boolean granted) {
        DeviceClient audit = null;
        try {
            audit = openAuditConnection();
            audit.sendEvent(new Message("{\"audit\":\"" + badge + "\",\"granted\":" + granted + "}"), 10_000);
        } catch (IotHubClientException | InterruptedException e) {
            LOG.log(Level.WARNING, "audit record lost", e);
        } finally {
            if (audit != null) {
                audit.close();
            }
        }
    }

    private DirectMethodResponse onMethod(String name, DirectMethodPayload payload, Object context) {
        switch (name) {
            case "unlock":
                doorLocked = false;
                return new DirectMethodResponse(200, "unlocked");
            case "lock":
                doorLocked = true;
                return new DirectMethodResponse(200, "locked");
            case "migrateIdentity": {
                String newConnectionString = payload.getPayload(String.class);
                try {
                    DeviceClient fresh = new DeviceClient(newConnectionString, IotHubClientProtocol.MQTT);
                    fresh.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
                    fresh.open(false);
                    // expect: IotHubClientReplacedWithoutClose
                    client = fresh;
                    return new DirectMethodResponse(200, "migrated");
                } catch (IotHubClientException e) {
                    return new DirectMethodResponse(500, e.getStatusCode().toString());
                }
            }
            case "state":
                return new DirectMethodResponse(200, "{\"locked\":" + doorLocked + ",\"link\":\"" + lastStatus + "\"}");
            default:
                return new DirectMethodResponse(404, null);
        }
    }

    void shutdown() {
        auditExecutor.shutdownNow();
        client.close();
    }

    /** Factory used by the installer tool: connect first, then hand the open client to the controller. */
    static DoorAccessController connectAndCreate(String connectionString, String auditConnectionString) throws IotHubClientException {
        DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.open(true);
        return new DoorAccessController(client, auditConnectionString);
    }

    public static void main(String[] args) throws Exception {
        DoorAccessController controller;
        if (args.length > 0 && args[0].equals("--installer")) {
            controller = connectAndCreate(System.getenv("DOOR_CS"), System.getenv("AUDIT_CS"));
        } else {
            DeviceClient client = new DeviceClient(System.getenv("DOOR_CS"), IotHubClientProtocol.MQTT);
            controller = new DoorAccessController(client, System.getenv("AUDIT_CS"));
            controller.waitUntilOnline();
        }

        // the turnstile next to the door is a separate product with its own identity and relink policy
        DeviceClient turnstile = new DeviceClient(System.getenv("TURNSTILE_CS"), IotHubClientProtocol.MQTT);
        turnstile.setConnectionStatusChangeCallback(new AutoRelink(turnstile, "turnstile"), null);
        turnstile.open(true);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            controller.shutdown();
            turnstile.close();
        }));
        Thread.currentThread().join();
    }
}
