package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A helper reached from a guarded and an unguarded caller; || guards; a guarded re-creation hand-off. */
public class MixedCallers {
    private final String cs;
    private volatile DeviceClient client;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean force;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public MixedCallers(String cs) throws URISyntaxException, IOException {
        this.cs = cs;
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((s, r, t, c) -> {
            status = s;
            // expect: IotHubReopenAfterClientClose
            if (s == IotHubConnectionStatus.DISCONNECTED) {
                pool.execute(this::recreate);
            }
        }, null);
        client.setMessageCallback((m, c) -> {
            force = true;
            reconnect();
            return IotHubMessageResult.COMPLETE;
        }, null);
        client.open();
        ses.scheduleAtFixedRate(() -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                reconnect();
            }
            conditions();
        }, 1, 1, TimeUnit.MINUTES);
    }

    private void reconnect() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void recreate() {
        try {
            client.closeNow();
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.open();
        } catch (URISyntaxException | IOException e) {
            // ignored
        }
    }

    private void conditions() {
        try {
            if (status == IotHubConnectionStatus.DISCONNECTED || force) {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            }
            if (status == IotHubConnectionStatus.DISCONNECTED && !force) {
                client.open();
            }
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            client.open();
        } catch (IOException e) {
            // ignored
        }
    }
}
