package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.InternalClient;
import java.io.IOException;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;

/** Clients inside a record, an enum singleton and an InternalClient-typed field. */
public class SessionRegistry {
    record Session(String id, DeviceClient client) {
    }

    enum Hub {
        INSTANCE;
        volatile DeviceClient client;
    }

    static final class Shared {
        volatile DeviceClient client;
    }

    private static final Shared SHARED = new Shared();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private InternalClient generic;
    private final Timer timer = new Timer(true);

    public SessionRegistry(InternalClient generic) {
        this.generic = generic;
    }

    public void start() throws IOException {
        for (Session s : sessions.values()) {
            s.client().open();
        }
        Hub.INSTANCE.client.open();
        generic.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                sweep();
                bounceHub();
                bounceShared();
            }
        }, 1000, 1000);
    }

    private void sweep() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            sessions.get("main").client().open();
            // expect: IotHubOpenWithoutStatusGuard
            Hub.INSTANCE.client.open();
            // expect: IotHubOpenWithoutStatusGuard
            generic.open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void bounceShared() {
        try {
            SHARED.client.closeNow();
            SHARED.client.open();
        } catch (IOException e) {
            // ignored
        }
    }

    private void bounceHub() {
        try {
            Hub.INSTANCE.client.closeNow();
            Hub.INSTANCE.client.open();
            generic.close();
            generic.open();
        } catch (IOException e) {
            // ignored
        }
    }
}
