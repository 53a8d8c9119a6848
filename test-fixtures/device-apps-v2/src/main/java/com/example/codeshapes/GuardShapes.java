package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Unusual but correct guard shapes in 2.x, and two near misses. */
public class GuardShapes {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Map<DeviceClient, IotHubConnectionStatus> statusOf = new ConcurrentHashMap<>();
    private final BlockingQueue<IotHubConnectionStatus> events = new LinkedBlockingQueue<>();
    private final List<DeviceClient> fleet;
    private final DeviceClient main;
    private volatile IotHubConnectionStatus mainStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason mainReason;

    public GuardShapes(List<DeviceClient> fleet) {
        this.fleet = fleet;
        for (DeviceClient dc : fleet) {
            dc.setConnectionStatusChangeCallback(ctx -> statusOf.put(dc, ctx.getNewStatus()), null);
        }
        main = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        main.setConnectionStatusChangeCallback(ctx -> {
            mainStatus = ctx.getNewStatus();
            mainReason = ctx.getNewStatusReason();
            events.offer(ctx.getNewStatus());
        }, null);
    }

    public void start() {
        connectMain();
        for (DeviceClient dc : fleet) {
            connectOne(dc);
        }
        scheduler.scheduleWithFixedDelay(this::walk, 30, 30, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::switchGuard, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::whileGuard, 10, 10, TimeUnit.SECONDS);
        scheduler.execute(this::eventLoop);
        scheduler.scheduleWithFixedDelay(this::walkLoose, 30, 30, TimeUnit.SECONDS);
    }

    /** Start-up: labeled break out of nested retry loops, closing each failure. */
    private void connectMain() {
        rounds:
        while (true) {
            for (int i = 0; i < 3; i++) {
                try {
                    main.open(false);
                    break rounds;
                } catch (IotHubClientException e) {
                    main.close();
                }
            }
            Util.pause(30_000);
        }
    }

    /** Start-up: retry via a same-class helper that closes before re-calling. */
    private void connectOne(DeviceClient dc) {
        try {
            dc.open(false);
        } catch (IotHubClientException e) {
            closeAndRetry(dc);
        }
    }

    private void closeAndRetry(DeviceClient dc) {
        dc.close();
        Util.pause(5000);
        connectOne(dc);
    }

    /** Enhanced for in a scheduled task: each device's own status, local copy, continue. */
    private void walk() {
        for (DeviceClient dc : fleet) {
            IotHubConnectionStatus st = statusOf.get(dc);
            if (!IotHubConnectionStatus.DISCONNECTED.equals(st)) {
                continue;
            }
            dc.close();
            try {
                dc.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    /** Old-form switch: only case DISCONNECTED reaches the open. */
    private void switchGuard() {
        switch (mainStatus) {
            case DISCONNECTED:
                break;
            case CONNECTED:
            case DISCONNECTED_RETRYING:
            default:
                return;
        }
        try {
            main.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Loop condition is the guard; leave on success. */
    private void whileGuard() {
        while (mainStatus == IotHubConnectionStatus.DISCONNECTED && mainReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            main.close();
            try {
                main.open(false);
                return;
            } catch (IotHubClientException e) {
                Util.pause(2000);
            }
        }
    }

    /** Event loop: old-form switch with break inside a loop that keeps running. */
    private void eventLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            IotHubConnectionStatus s;
            try {
                s = events.take();
            } catch (InterruptedException e) {
                return;
            }
            switch (s) {
                case DISCONNECTED:
                    reopenMain();
                    break;
                default:
                    break;
            }
        }
    }

    private void reopenMain() {
        try {
            main.open(false);
        } catch (IotHubClientException e) {
            System.err.println("next event retries: " + e);
        }
    }

    /** Near miss: per-device guard that also lets DISCONNECTED_RETRYING through. */
    private void walkLoose() {
        for (DeviceClient dc : fleet) {
            if (statusOf.get(dc) == IotHubConnectionStatus.CONNECTED) {
                continue;
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                dc.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    /** Near miss (start-up): labeled retry without closing the failed attempt. */
    public void connectMainNoClose() {
        rounds:
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 3; i++) {
                try {
                    // expect: IotHubOpenRetryWithoutClose
                    main.open(false);
                    break rounds;
                } catch (IotHubClientException e) {
                    Util.pause(1000);
                }
            }
        }
    }
}
