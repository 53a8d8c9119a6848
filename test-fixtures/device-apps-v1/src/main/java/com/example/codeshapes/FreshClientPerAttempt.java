package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Recreate-style reconnects: a fresh client per attempt, the failed one closed. */
public class FreshClientPerAttempt {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private volatile DeviceClient client;
    private volatile DeviceClient other;
    private final IotHubConnectionStatusChangeCallback callback;

    public FreshClientPerAttempt() throws URISyntaxException, IOException {
        callback = new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    if (context == client) {
                        worker.execute(FreshClientPerAttempt.this::rebuild);
                    } else {
                        worker.execute(FreshClientPerAttempt.this::swapSafely);
                    }
                }
            }
        };
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(callback, client);
        client.open();
        other = new DeviceClient(Util.CS.replace("dev1", "dev3"), IotHubClientProtocol.MQTT);
        other.open();
    }

    /** Close the old client, then try fresh instances until one opens; failed ones are closed. */
    private void rebuild() {
        DeviceClient old = client;
        if (old != null) {
            try {
                old.closeNow();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
        client = null;
        while (!Thread.currentThread().isInterrupted()) {
            DeviceClient fresh = null;
            try {
                fresh = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
                fresh.registerConnectionStatusChangeCallback(callback, fresh);
                fresh.open();
                client = fresh;
                return;
            } catch (IOException | URISyntaxException e) {
                if (fresh != null) {
                    try {
                        fresh.closeNow();
                    } catch (IOException ignored) {
                    }
                }
                Util.pause(5000);
            }
        }
    }

    /** Close-then-recreate on the field, null-checked. */
    private void swapSafely() {
        try {
            if (other != null) {
                other.closeNow();
            }
            other = new DeviceClient(Util.CS.replace("dev1", "dev3"), IotHubClientProtocol.MQTT);
            other.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    // ---- near misses, reached from a timer-like hand-off ----

    public void scheduleBuggy() {
        worker.execute(this::rebuildLeaky);
        worker.execute(this::swapLeaky);
    }

    /** Near miss: a failed fresh client is dropped without close before the next attempt. */
    private void rebuildLeaky() {
        try {
            if (client != null) {
                client.closeNow();
            }
        } catch (IOException e) {
            System.err.println(e);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                DeviceClient fresh = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
                // expect: IotHubOpenRetryWithoutClose
                fresh.open();
                client = fresh;
                break;
            } catch (IOException | URISyntaxException e) {
                Util.pause(1000);
            }
        }
    }

    /** Near miss: the field is overwritten with a new client while the old one may be open. */
    private void swapLeaky() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            other = new DeviceClient(Util.CS.replace("dev1", "dev3"), IotHubClientProtocol.MQTT);
            other.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }
}
