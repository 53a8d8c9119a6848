package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.TransportException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

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
        this.client.registerConnectionStatusChangeCallback(this, this);
    }

    public void open() throws IOException {
        synchronized (lock) {
            if (model == Model.DISCONNECTED) {
                model = Model.CONNECTING;
            } else {
                return;
            }
        }
        connectWithRetry();
    }

    private void connectWithRetry() throws IOException {
        while (model == Model.CONNECTING) {
            synchronized (lock) {
                if (model == Model.CONNECTING) {
                    try {
                        // expect: IotHubOpenRetryWithoutClose
                        client.open();
                        model = Model.CONNECTED;
                        break;
                    } catch (IOException e) {
                        if (!(e.getCause() instanceof TransportException) || !((TransportException) e.getCause()).isRetryable()) {
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

    public void close() throws IOException {
        synchronized (lock) {
            client.closeNow();
            model = Model.DISCONNECTED;
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        if (isRecoverable(status, reason, cause)) {
            recoverOnNewThread();
        }
    }

    private boolean isRecoverable(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause) {
        return status == IotHubConnectionStatus.DISCONNECTED
                && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED
                && cause instanceof TransportException
                && ((TransportException) cause).isRetryable();
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
                        client.closeNow();
                    } catch (IOException e) {
                        System.err.println("close failed: " + e);
                    } finally {
                        model = Model.CONNECTING;
                    }
                }
                try {
                    connectWithRetry();
                } catch (IOException e) {
                    System.err.println("reconnect failed: " + e);
                }
            }
        }).start();
    }
}
