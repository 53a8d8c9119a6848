package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
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

    public MixedCallers(String cs) throws IotHubClientException {
        this.cs = cs;
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(ctx -> {
            status = ctx.getNewStatus();
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                pool.execute(this::recreate);
            }
        }, null);
        client.setMessageCallback((m, c) -> {
            force = true;
            reconnect();
            return IotHubMessageResult.COMPLETE;
        }, null);
        client.open(true);
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
            client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void recreate() {
        try {
            client.close();
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void conditions() {
        try {
            if (status == IotHubConnectionStatus.DISCONNECTED || force) {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            }
            if (status == IotHubConnectionStatus.DISCONNECTED && !force) {
                client.open(false);
            }
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
