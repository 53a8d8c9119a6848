package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.InternalClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Generic pool over any client type (type variable bounded by InternalClient). */
public class ClientPool<C extends InternalClient> {
    private final List<C> members = new ArrayList<>();
    private volatile C active;
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public void add(C client) {
        members.add(client);
    }

    public void start() throws IotHubClientException {
        for (C c : members) {
            c.open(true);
        }
        active = members.get(0);
        ses.scheduleAtFixedRate(() -> {
            rotate();
            kick();
            bounce();
        }, 1, 1, TimeUnit.HOURS);
    }

    private void rotate() {
        try {
            C next = members.get(1);
            active.close();
            // expect: IotHubOpenWithoutStatusGuard
            next.open(false);
            active = next;
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void kick() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            active.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void bounce() {
        try {
            active.close();
            active.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
