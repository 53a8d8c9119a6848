package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Template-method base: subclasses supply the client and react to life-cycle hooks. */
public abstract class IotConnection {
    protected volatile DeviceClient client;
    protected volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    protected abstract DeviceClient createClient() throws URISyntaxException, IOException;

    protected void onReady() {
    }

    protected void onLinkLost(IotHubConnectionStatusChangeReason reason) {
    }

    public final void connect() throws URISyntaxException, IOException {
        client = createClient();
        client.registerConnectionStatusChangeCallback(new StatusWatcher(), null);
        client.open();
        onReady();
    }

    private final class StatusWatcher implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
            status = newStatus;
            if (newStatus == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                onLinkLost(reason);
                scheduler.schedule(IotConnection.this::reconnect, 5, TimeUnit.SECONDS);
            }
        }
    }

    protected void reconnect() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            scheduler.schedule(this::reconnect, 30, TimeUnit.SECONDS);
        }
    }

    public void disconnect() throws IOException {
        scheduler.shutdownNow();
        client.close();
    }
}
