package com.example.apps.vision;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ModuleClient with tracing and a built-in relink policy, shared by our Edge modules.
 */
public class SelfHealingModuleClient extends ModuleClient {
    private static final Logger LOG = Logger.getLogger(SelfHealingModuleClient.class.getName());

    private final AtomicLong opens = new AtomicLong();
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public SelfHealingModuleClient(String connectionString, IotHubClientProtocol protocol) {
        super(connectionString, protocol, ClientOptions.builder().keepAliveInterval(60).build());
        setConnectionStatusChangeCallback(this::onStatus, null);
    }

    private void onStatus(ConnectionStatusChangeContext ctx) {
        status = ctx.getNewStatus();
        LOG.info("module link " + ctx.getPreviousStatus() + " -> " + status + " (" + ctx.getNewStatusReason() + ")");
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                open(false);
            } catch (IotHubClientException e) {
                LOG.log(Level.WARNING, "self-heal failed", e);
            }
        }
    }

    @Override
    public void open(boolean withRetry) throws IotHubClientException {
        long n = opens.incrementAndGet();
        LOG.fine("open #" + n + " (withRetry=" + withRetry + ")");
        // reached synchronously from onStatus through open(false): same-class method of the status callback
        // expect: IotHubReconnectOnCallbackThread
        super.open(withRetry);
    }

    @Override
    public void close() {
        LOG.fine("close after " + opens.get() + " opens");
        super.close();
    }

    public IotHubConnectionStatus status() {
        return status;
    }
}
