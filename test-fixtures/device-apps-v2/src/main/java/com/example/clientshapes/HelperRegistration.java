package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Callbacks registered through helper methods, held in fields, and method references. */
public class HelperRegistration {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private volatile boolean online;

    private final IotHubConnectionStatusChangeCallback tracker = ctx -> {
        online = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
    };

    public HelperRegistration(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        watch(client, tracker);
    }

    private static void watch(DeviceClient c, IotHubConnectionStatusChangeCallback cb) {
        c.setConnectionStatusChangeCallback(cb, null);
    }

    private static boolean isDisconnected(ConnectionStatusChangeContext ctx) {
        return ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED;
    }

    public void start() throws IotHubClientException {
        client.open(true);
    }

    public void enableEagerRecovery() {
        watch(client, ctx -> {
            online = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                // expect: IotHubReconnectOnCallbackThread
                client.close();
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    // ignored
                }
            }
        });
    }

    public void enableHandOffRecovery() {
        watch(client, this::statusChanged);
    }

    private void statusChanged(ConnectionStatusChangeContext ctx) {
        online = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
        // expect: IotHubReopenAfterClientClose
        if (isDisconnected(ctx)) {
            pool.execute(this::reconnect);
        }
    }

    private void reconnect() {
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    public void subscribe() throws IotHubClientException, InterruptedException {
        client.subscribeToMethods((methodName, payload, ctx) -> {
            if ("reconnect".equals(methodName) && !online) {
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    return new DirectMethodResponse(500, e.getMessage());
                }
            }
            if ("reconnect-now".equals(methodName)) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    return new DirectMethodResponse(500, e.getMessage());
                }
            }
            return new DirectMethodResponse(200, "ok");
        }, null);
    }
}
