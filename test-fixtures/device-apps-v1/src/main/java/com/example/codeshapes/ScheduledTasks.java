package com.example.codeshapes;

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

/** Spring-style scheduled jobs (own annotation) plus a ScheduledExecutorService watchdog. */
public class ScheduledTasks {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason lastReason;
    private final DeviceClient client;

    /** Named inner class implementing the callback interface: records only. */
    private final class StatusTracker implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
            lastStatus = status;
            lastReason = reason;
        }
    }

    public ScheduledTasks() throws URISyntaxException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT_WS);
        client.registerConnectionStatusChangeCallback(new StatusTracker(), null);
    }

    @Util.PostConstruct
    public void init() throws IOException {
        client.open();
        // Yoda equals on the tracked status field, reopen in a helper
        scheduler.scheduleWithFixedDelay(() -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(lastStatus) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(lastReason)) {
                reopen();
            }
        }, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(this::tickNegated, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(this::tickGetter, 7, 7, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(this::tickLoose, 9, 9, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(this::nightlyRecycle, 1, 24, TimeUnit.HOURS);
    }

    private void reopen() {
        try {
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    /** Negated early exit written as !(a == b). */
    private void tickNegated() {
        if (!(lastStatus == IotHubConnectionStatus.DISCONNECTED)) {
            return;
        }
        try {
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    IotHubConnectionStatus getStatus() {
        return lastStatus;
    }

    /** Guard through a getter of type IotHubConnectionStatus. */
    private void tickGetter() {
        if (getStatus() == IotHubConnectionStatus.DISCONNECTED) {
            try {
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    /** Near miss: != CONNECTED also admits DISCONNECTED_RETRYING. */
    private void tickLoose() {
        if (lastStatus != IotHubConnectionStatus.CONNECTED) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    /** Spring-style health job: close before reopen, and only when the app owns the link. */
    @Util.Scheduled(fixedDelay = 30_000)
    public void healthCheck() throws IOException {
        if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        if (lastReason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            return;
        }
        client.closeNow();
        client.open();
    }

    /** Spring-style job with close-then-reopen only (no status check). */
    @Util.Scheduled(fixedDelay = 60_000)
    public void nightlyRecycle() {
        try {
            client.closeNow();
        } catch (IOException e) {
            System.err.println("close failed, reopening anyway " + e);
        }
        try {
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
