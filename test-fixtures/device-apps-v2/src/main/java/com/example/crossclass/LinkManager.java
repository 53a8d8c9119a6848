package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.logging.Logger;

/**
 * The SDK multiplexing sample's shape, widely copied: the base class is the status callback and hands recovery to a
 * thread; subclasses in other files open and close their own client. Only onStatusChanged is callback code, so
 * the subclasses' openClient()/closeClient() are not on the callback thread, and the reconnect is guarded: quiet.
 */
public abstract class LinkManager implements IotHubConnectionStatusChangeCallback {
    private static final Logger LOG = Logger.getLogger(LinkManager.class.getName());

    protected abstract void openClient() throws Exception;

    protected abstract void closeClient();

    public void start() throws Exception {
        openClient();
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        LOG.info(getClass().getSimpleName() + ": " + context.getNewStatus() + " (" + context.getNewStatusReason() + ")");
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            new Thread(this::recover, "recover-" + getClass().getSimpleName()).start();
        }
    }

    private void recover() {
        closeClient();
        try {
            openClient();
        } catch (Exception e) {
            LOG.warning("recovery failed: " + e.getMessage());
        }
    }
}
