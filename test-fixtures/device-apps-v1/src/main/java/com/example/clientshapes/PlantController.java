package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
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

    public PlantController(String cs) throws URISyntaxException, IOException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
        client.open();
        ses.scheduleAtFixedRate(() -> onTimer(), 1, 1, TimeUnit.MINUTES);
    }

    static final class Links {
        static void bounce(DeviceClient c) throws IOException {
            // expect: IotHubReconnectOnCallbackThread
            c.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            c.open();
        }
    }

    final class Reconnector {
        void reconnectNow() {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                // ignored
            }
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        state = status == IotHubConnectionStatus.CONNECTED ? State.CONNECTED : State.DISCONNECTED;
        if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
            try {
                Links.bounce(client);
            } catch (IOException e) {
                // ignored
            }
        }
        if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            reconnector.reconnectNow();
        }
    }

    void onTimer() {
        if (state == State.DISCONNECTED) {
            try {
                client.closeNow();
                client.open();
            } catch (IOException e) {
                // ignored
            }
        }
    }
}
