package com.example.service.springgateway;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Spring Boot service (annotations left out) that relays REST calls to IoT Hub. */
public class DeviceGatewayService {
    private static final Logger log = Logger.getLogger("gateway");

    private final DeviceClient deviceClient;
    private IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean maintenanceWindow;

    public DeviceGatewayService(String connectionString) {
        this.deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
    }

    // @PostConstruct
    public void connect() throws IotHubClientException {
        deviceClient.setConnectionStatusChangeCallback(this::statusChanged, null);
        deviceClient.open(true);
        scheduler.scheduleAtFixedRate(this::keepAlive, 30, 30, TimeUnit.SECONDS);
    }

    private void statusChanged(ConnectionStatusChangeContext ctx) {
        connectionStatus = ctx.getNewStatus();
        log.info("status " + ctx.getPreviousStatus() + " -> " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
    }

    public IotHubConnectionStatus getConnectionStatus() {
        return connectionStatus;
    }

    /** Scheduled every 30 seconds. */
    void keepAlive() {
        if (maintenanceWindow) {
            return;
        }
        if (getConnectionStatus() == IotHubConnectionStatus.DISCONNECTED || maintenanceWindow) {
            tryOpen();
        }
        if (getConnectionStatus() != IotHubConnectionStatus.DISCONNECTED || maintenanceWindow) {
            return;
        }
        tryOpenAgain();
    }

    private void tryOpen() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            deviceClient.open(false);
        } catch (IotHubClientException e) {
            log.warning("open failed: " + e.getStatusCode());
        }
    }

    private void tryOpenAgain() {
        try {
            deviceClient.open(false);
        } catch (IotHubClientException e) {
            log.warning("second open failed: " + e.getStatusCode());
        }
    }

    /** Called by the REST controller. */
    public String relay(String payload) {
        Message message = new Message(payload);
        try {
            deviceClient.sendEvent(message, 10_000);
            return "sent";
        } catch (IotHubClientException e) {
            log.warning("send failed, reconnecting: " + e.getStatusCode());
            try {
                // expect: IotHubOpenWithoutStatusGuard
                deviceClient.open(false);
                deviceClient.sendEvent(message, 10_000);
                return "sent after reconnect";
            } catch (IotHubClientException | InterruptedException again) {
                return "failed";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Async variant used by the batch endpoint. */
    public CompletableFuture<String> relayAsync(String payload) {
        return CompletableFuture.supplyAsync(() -> {
            if (getConnectionStatus() != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    deviceClient.open(false);
                } catch (IotHubClientException e) {
                    return "offline";
                }
            }
            return relay(payload);
        });
    }

    public void setMaintenanceWindow(boolean on) {
        maintenanceWindow = on;
    }

    // @PreDestroy
    public void disconnect() {
        scheduler.shutdownNow();
        deviceClient.close();
    }
}
