package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * A second own equivalent of the legacy sample, closer to its "manager wrapping the client" shape: the app keeps its
 * own DISCONNECTED/CONNECTING/CONNECTED model, reconnects only on a retryable RETRY_EXPIRED, closes once on a new
 * thread and then runs a connect loop that retries open() without closing in between. Exactly one finding.
 */
public class SampleLegacyManager implements IotHubConnectionStatusChangeCallback {
    private enum Model { DISCONNECTED, CONNECTING, CONNECTED }

    private final Object lock = new Object();
    private final DeviceClient client;
    private Model model = Model.DISCONNECTED;

    SampleLegacyManager(DeviceClient client) {
        this.client = client;
        this.client.setConnectionStatusChangeCallback(this, this);
    }

    public void open() throws IotHubClientException {
        synchronized (lock) {
            if (model == Model.DISCONNECTED) {
                model = Model.CONNECTING;
            } else {
                return;
            }
        }
        connectWithRetry();
    }

    private void connectWithRetry() throws IotHubClientException {
        while (model == Model.CONNECTING) {
            synchronized (lock) {
                if (model == Model.CONNECTING) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open(false);
                        model = Model.CONNECTED;
                        break;
                    } catch (IotHubClientException e) {
                        if (!e.isRetryable()) {
                            model = Model.DISCONNECTED;
                            throw e;
                        }
                    }
                }
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public void close() {
        synchronized (lock) {
            client.close();
            model = Model.DISCONNECTED;
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        if (isRecoverable(ctx.getNewStatus(), ctx.getNewStatusReason(), ctx.getCause())) {
            recoverOnNewThread();
        }
    }

    private boolean isRecoverable(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause) {
        return status == IotHubConnectionStatus.DISCONNECTED
                && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED
                && cause instanceof IotHubClientException
                && ((IotHubClientException) cause).isRetryable();
    }

    private void recoverOnNewThread() {
        synchronized (lock) {
            if (model != Model.CONNECTED) {
                model = Model.DISCONNECTED;
                return;
            }
        }
        new Thread(new Runnable() {
            @Override
            public void run() {
                synchronized (lock) {
                    if (model != Model.CONNECTED) {
                        return;
                    }
                    try {
                        client.close();
                    } finally {
                        model = Model.CONNECTING;
                    }
                }
                try {
                    connectWithRetry();
                } catch (IotHubClientException e) {
                    System.err.println("reconnect failed: " + e);
                }
            }
        }).start();
    }
}
