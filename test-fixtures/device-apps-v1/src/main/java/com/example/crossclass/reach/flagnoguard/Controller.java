package com.example.crossclass.reach.flagnoguard;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

public class Controller implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private volatile boolean connected;
    private volatile boolean reconnectScheduled;
    private final AtomicBoolean connecting = new AtomicBoolean();

    public Controller(DeviceClient client) {
        this.client = client;
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        connected = status == IotHubConnectionStatus.CONNECTED;
        if (connected) {
            reconnectScheduled = false;
        }
    }

    boolean isConnected() {
        return connected;
    }

    /** Called once from Main (unguarded, start-up) and from Scheduler under if (!isConnected()). */
    void connectNow() throws IOException {
        // quiet: check 1 - "A method every call or hand-off of which from a re-entry site is dominated by a guard is itself guarded; calls from start-up code do not count"
        client.open();
    }

    /** Scheduler's "catch-up" task. */
    void maybeReconnect() throws IOException {
        if (!reconnectScheduled) {
            reconnectScheduled = true;
            reconnectOnce();
        }
    }

    private void reconnectOnce() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    /** Scheduler's "resync" task; at most one resync at a time. */
    void resyncIfIdle() throws IOException {
        if (connecting.compareAndSet(false, true)) {
            try {
                resync();
            } finally {
                connecting.set(false);
            }
        }
    }

    private void resync() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }
}
