package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.InternalClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;

/** Clients inside a record, an enum singleton, a static holder and an InternalClient-typed field. */
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

    public void start() throws IotHubClientException {
        for (Session s : sessions.values()) {
            s.client().open(true);
        }
        Hub.INSTANCE.client.open(true);
        generic.open(true);
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
            sessions.get("main").client().open(false);
            // expect: IotHubOpenWithoutStatusGuard
            Hub.INSTANCE.client.open(false);
            // expect: IotHubOpenWithoutStatusGuard
            generic.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void bounceShared() {
        try {
            SHARED.client.close();
            SHARED.client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void bounceHub() {
        try {
            Hub.INSTANCE.client.close();
            Hub.INSTANCE.client.open(false);
            generic.close();
            generic.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
