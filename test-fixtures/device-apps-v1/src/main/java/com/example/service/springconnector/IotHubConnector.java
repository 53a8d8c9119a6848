package com.example.service.springconnector;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Spring-style singleton bean (annotations omitted) that owns the gateway's DeviceClient. A REST
 * controller calls {@link #publish(String)}.
 */
public class IotHubConnector {
    private static final Logger LOG = Logger.getLogger(IotHubConnector.class.getName());

    private final String connectionString;
    private DeviceClient deviceClient;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private final ScheduledExecutorService healthExecutor = Executors.newScheduledThreadPool(1);

    public IotHubConnector(String connectionString) {
        this.connectionString = connectionString;
    }

    // @PostConstruct
    public void init() throws URISyntaxException, IOException {
        deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        deviceClient.registerConnectionStatusChangeCallback(this::onConnectionStatusChange, null);
        deviceClient.open();
        healthExecutor.scheduleWithFixedDelay(this::healthCheck, 1, 1, TimeUnit.MINUTES);
    }

    private void onConnectionStatusChange(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason,
                                          Throwable cause, Object context) {
        this.status = newStatus;
        LOG.info("IoT Hub link is now " + newStatus + " (" + reason + ")");
    }

    public IotHubConnectionStatus getStatus() {
        return status;
    }

    void healthCheck() {
        IotHubConnectionStatus current = getStatus();
        if (current != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        LOG.warning("link is down, reopening");
        reopenLink();
    }

    private void reopenLink() {
        try {
            deviceClient.open();
        } catch (IOException e) {
            LOG.warning("reopen failed: " + e);
        }
    }

    public void publish(String payload) {
        Message m = new Message(payload);
        m.setContentType("application/json");
        try {
            deviceClient.sendEventAsync(m, this::onSent, m);
        } catch (IllegalStateException e) {
            LOG.warning("client not open, restarting link");
            restartLink();
        }
    }

    private void onSent(IotHubStatusCode code, Object context) {
        if (code != IotHubStatusCode.OK && code != IotHubStatusCode.OK_EMPTY
                && getStatus() == IotHubConnectionStatus.DISCONNECTED) {
            reopenLink();
        }
    }

    private void restartLink() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            deviceClient.open(true);
        } catch (IOException e) {
            LOG.severe("restart failed: " + e);
        }
    }

    // @PreDestroy
    public void shutdown() throws IOException {
        healthExecutor.shutdownNow();
        deviceClient.closeNow();
    }
}
