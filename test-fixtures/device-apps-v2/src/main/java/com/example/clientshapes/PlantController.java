package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The enclosing class is the status callback; it calls into a static nested helper and an inner class. */
public class PlantController implements IotHubConnectionStatusChangeCallback {
    enum State { CONNECTED, DISCONNECTED }

    private final DeviceClient client;
    private volatile State state = State.DISCONNECTED;
    private final Reconnector reconnector = new Reconnector();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public PlantController(String cs) throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, null);
        client.open(true);
        ses.scheduleAtFixedRate(() -> onTimer(), 1, 1, TimeUnit.MINUTES);
    }

    static final class Links {
        static void bounce(DeviceClient c) throws IotHubClientException {
            // expect: IotHubReconnectOnCallbackThread
            c.close();
            // expect: IotHubReconnectOnCallbackThread
            c.open(false);
        }
    }

    final class Reconnector {
        void reconnectNow() {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                // ignored
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus status = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        state = status == IotHubConnectionStatus.CONNECTED ? State.CONNECTED : State.DISCONNECTED;
        if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
            try {
                Links.bounce(client);
            } catch (IotHubClientException e) {
                // ignored
            }
        }
        if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            reconnector.reconnectNow();
        }
    }

    void onTimer() {
        if (state == State.DISCONNECTED) {
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                // ignored
            }
        }
    }
}
