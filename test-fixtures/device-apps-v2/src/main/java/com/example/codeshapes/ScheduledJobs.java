package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Spring-style @Scheduled jobs (own annotation), a Timer, and a scheduler, each guarded its own way. */
public class ScheduledJobs {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final Timer timer = new Timer(true);
    private final DeviceClient client;
    private final DeviceClient relay;
    private volatile IotHubConnectionStatus current = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason currentReason;

    public ScheduledJobs() {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        relay = new DeviceClient(Util.CS.replace("dev1", "relay"), IotHubClientProtocol.AMQPS);
        IotHubConnectionStatusChangeCallback tracker = new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                current = ctx.getNewStatus();
                currentReason = ctx.getNewStatusReason();
            }
        };
        client.setConnectionStatusChangeCallback(tracker, null);
    }

    @Util.PostConstruct
    public void init() throws IotHubClientException {
        client.open(true);
        relay.open(true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                yodaJob();
            }
        }, 0, 15_000);
        scheduler.scheduleWithFixedDelay(this::negatedJob, 1, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::relayRecycle, 1, 6, TimeUnit.HOURS);
        scheduler.scheduleWithFixedDelay(this::looseJob, 1, 10, TimeUnit.SECONDS);
    }

    private void yodaJob() {
        if (IotHubConnectionStatus.DISCONNECTED.equals(current) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(currentReason)) {
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    /** Negated early exit with a throw. */
    private void negatedJob() {
        try {
            if (!IotHubConnectionStatus.DISCONNECTED.equals(current)) {
                throw new IllegalStateException("not ours to reconnect");
            }
            client.open(false);
        } catch (IllegalStateException | IotHubClientException e) {
            System.out.println(e.getMessage());
        }
    }

    /** Close-then-reopen in a recycle job: deliberate. */
    private void relayRecycle() {
        relay.close();
        try {
            relay.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Near miss: "not CONNECTED" also admits DISCONNECTED_RETRYING. */
    private void looseJob() {
        if (!IotHubConnectionStatus.CONNECTED.equals(current)) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    /** Spring-style: guarded by the getter, closing first. */
    @Util.Scheduled(fixedDelay = 30_000)
    public void healthCheck() throws IotHubClientException {
        if (getCurrent() == IotHubConnectionStatus.DISCONNECTED) {
            client.close();
            client.open(false);
        }
    }

    public IotHubConnectionStatus getCurrent() {
        return current;
    }
}
