package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.logging.Logger;

/**
 * The multiplexing sample's shape on SDK 1.x: the base class is the status callback and hands recovery to a thread;
 * subclasses in other files open and close their own client. Only execute(...) is callback code: quiet.
 */
public abstract class LinkManager implements IotHubConnectionStatusChangeCallback {
    private static final Logger LOG = Logger.getLogger(LinkManager.class.getName());

    protected abstract void openClient() throws Exception;

    protected abstract void closeClient();

    public void start() throws Exception {
        openClient();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable,
                        Object callbackContext) {
        LOG.info(getClass().getSimpleName() + ": " + status + " (" + reason + ")");
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
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
