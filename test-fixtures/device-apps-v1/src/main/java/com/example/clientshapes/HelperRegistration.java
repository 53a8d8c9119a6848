package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Callbacks registered through helper methods, held in fields, and method references. */
public class HelperRegistration {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private volatile boolean online;

    private final IotHubConnectionStatusChangeCallback tracker = (status, reason, cause, ctx) -> {
        online = status == IotHubConnectionStatus.CONNECTED;
    };

    public HelperRegistration(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        watch(client, tracker);
    }

    private static void watch(DeviceClient c, IotHubConnectionStatusChangeCallback cb) {
        c.registerConnectionStatusChangeCallback(cb, null);
    }

    private static boolean isDisconnected(IotHubConnectionStatus s) {
        return s == IotHubConnectionStatus.DISCONNECTED;
    }

    public void start() throws IOException {
        client.open();
    }

    public void enableEagerRecovery() {
        watch(client, (status, reason, cause, ctx) -> {
            online = status == IotHubConnectionStatus.CONNECTED;
            if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    // ignored
                }
            }
        });
    }

    public void enableHandOffRecovery() {
        watch(client, this::statusChanged);
    }

    private void statusChanged(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        online = status == IotHubConnectionStatus.CONNECTED;
        // expect: IotHubReopenAfterClientClose
        if (isDisconnected(status)) {
            pool.execute(this::reconnect);
        }
    }

    private void reconnect() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            // ignored
        }
    }

    public void subscribe() throws IOException {
        client.subscribeToDeviceMethod((methodName, payload, ctx) -> {
            if ("reconnect".equals(methodName) && !online) {
                try {
                    client.open();
                } catch (IOException e) {
                    return new DeviceMethodData(500, e.getMessage());
                }
            }
            if ("reconnect-now".equals(methodName)) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    return new DeviceMethodData(500, e.getMessage());
                }
            }
            return new DeviceMethodData(200, "ok");
        }, null, (code, ctx) -> { }, null);
    }
}
