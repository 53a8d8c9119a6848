package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Hand-offs through a Runnable field, and clients reached through a getter. */
public class IndirectShapes {
    private volatile DeviceClient client;
    private final AtomicReference<DeviceClient> ref = new AtomicReference<>();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    private final Runnable kicker = () -> {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            // ignored
        }
    };

    public IndirectShapes(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    DeviceClient getClient() {
        return client;
    }

    public void start() throws IOException {
        client.open();
        ses.scheduleAtFixedRate(kicker, 1, 1, TimeUnit.MINUTES);
        ses.scheduleAtFixedRate(this::viaGetter, 1, 1, TimeUnit.HOURS);
        ses.scheduleAtFixedRate(this::viaReference, 1, 1, TimeUnit.HOURS);
    }

    private void viaGetter() {
        try {
            getClient().closeNow();
            // a no-argument getter of the class names its field: closed just before, so quiet
            getClient().open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void viaReference() {
        try {
            ref.get().closeNow();
            // the AtomicReference field holds one client here: closed just before, so quiet
            ref.get().open();
        } catch (IOException e) {
            // ignored
        }
    }
}
