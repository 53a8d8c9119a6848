package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Hand-offs through a Runnable field, clients reached through a getter / AtomicReference, a local client in a static method. */
public class IndirectShapes {
    private volatile DeviceClient client;
    private final AtomicReference<DeviceClient> ref = new AtomicReference<>();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    private final Runnable kicker = () -> {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    };

    public IndirectShapes(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    DeviceClient getClient() {
        return client;
    }

    public void start() throws IotHubClientException {
        client.open(true);
        ses.scheduleAtFixedRate(kicker, 1, 1, TimeUnit.MINUTES);
        ses.scheduleAtFixedRate(this::viaGetter, 1, 1, TimeUnit.HOURS);
        ses.scheduleAtFixedRate(this::viaReference, 1, 1, TimeUnit.HOURS);
    }

    private void viaGetter() {
        try {
            getClient().close();
            // a no-argument getter of the class names its field: closed just before, so quiet
            getClient().open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void viaReference() {
        try {
            ref.get().close();
            // the AtomicReference field holds one client here: closed just before, so quiet
            ref.get().open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    public static void runStandalone(String cs) throws IotHubClientException {
        DeviceClient local = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        class Listener implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                // expect: IotHubReopenAfterClientClose
                if (IotHubConnectionStatus.DISCONNECTED == ctx.getNewStatus()) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        local.open(false);
                    } catch (IotHubClientException e) {
                        // ignored
                    }
                }
            }
        }
        local.setConnectionStatusChangeCallback(new Listener(), null);
        local.open(true);
    }
}
