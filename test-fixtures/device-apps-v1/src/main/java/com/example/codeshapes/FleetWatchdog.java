package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One client per device, a watchdog that walks them, and unusual guard/loop shapes. */
public class FleetWatchdog {
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Map<String, DeviceClient> fleet = new LinkedHashMap<>();
    private final Map<String, IotHubConnectionStatus> statuses = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final DeviceClient uplink;
    private volatile IotHubConnectionStatus uplinkStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason uplinkReason;

    public FleetWatchdog(String... ids) throws URISyntaxException {
        for (String id : ids) {
            DeviceClient dc = new DeviceClient(Util.CS.replace("dev1", id), IotHubClientProtocol.AMQPS);
            dc.registerConnectionStatusChangeCallback((s, r, t, ctx) -> statuses.put(id, s), null);
            fleet.put(id, dc);
        }
        uplink = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        uplink.registerConnectionStatusChangeCallback((s, r, t, ctx) -> {
            uplinkStatus = s;
            uplinkReason = r;
        }, null);
    }

    public void start() throws IOException {
        for (DeviceClient dc : fleet.values()) {
            dc.open();
        }
        connectUplink();
        scheduler.scheduleWithFixedDelay(this::walkFleet, 30, 30, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::uplinkSwitchGuard, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::uplinkWhileGuard, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::uplinkElseReturn, 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::walkFleetLoose, 30, 30, TimeUnit.SECONDS);
    }

    /** Enhanced for inside a scheduled task, one client per device, each with its own guard. */
    private void walkFleet() {
        for (Map.Entry<String, DeviceClient> e : fleet.entrySet()) {
            IotHubConnectionStatus st = statuses.get(e.getKey());
            if (st != IotHubConnectionStatus.DISCONNECTED) {
                continue;
            }
            DeviceClient dc = e.getValue();
            try {
                dc.closeNow();
                dc.open();
            } catch (IOException ex) {
                System.err.println(e.getKey() + ": " + ex);
            }
        }
    }

    /** Old-form switch: only case DISCONNECTED falls out to the open. */
    private void uplinkSwitchGuard() {
        switch (uplinkStatus) {
            case DISCONNECTED:
                break;
            default:
                return;
        }
        try {
            uplink.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    /** The loop condition is the guard; close before each attempt, leave on success. */
    private void uplinkWhileGuard() {
        while (uplinkStatus == IotHubConnectionStatus.DISCONNECTED && uplinkReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            try {
                uplink.closeNow();
                uplink.open();
                break;
            } catch (IOException e) {
                Util.pause(2000);
            }
        }
    }

    /** if/else with the exit in the else branch, inside a synchronized block. */
    private void uplinkElseReturn() {
        synchronized (lock) {
            if (uplinkStatus == IotHubConnectionStatus.DISCONNECTED) {
                System.out.println("uplink is ours to reopen");
            } else {
                return;
            }
            try {
                uplink.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    /** Start-up: labeled break out of a nested retry, closing each failure. */
    private void connectUplink() {
        outer:
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                try {
                    uplink.open();
                    break outer;
                } catch (IOException e) {
                    try { uplink.closeNow(); } catch (IOException ignored) { }
                    Util.pause(1000);
                }
            }
            Util.pause(10_000);
        }
    }

    /** Start-up: retry through a same-class helper, closing first. */
    public void connectViaHelper() {
        try {
            uplink.open();
        } catch (IOException e) {
            backOffAndRetry();
        }
    }

    private void backOffAndRetry() {
        try {
            uplink.closeNow();
        } catch (IOException ignored) {
        }
        Util.pause(3000);
        connectViaHelper();
    }

    /** Near miss: per-device guard that also lets DISCONNECTED_RETRYING through. */
    private void walkFleetLoose() {
        for (Map.Entry<String, DeviceClient> e : fleet.entrySet()) {
            if (statuses.get(e.getKey()) == IotHubConnectionStatus.CONNECTED) {
                continue;
            }
            DeviceClient dc = e.getValue();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                dc.open();
            } catch (IOException ex) {
                System.err.println(ex);
            }
        }
    }

    /** Near miss (start-up): retry through a helper, nobody closes. */
    public void connectViaHelperNoClose() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            uplink.open(false);
        } catch (IOException e) {
            Util.pause(3000);
            retryLater();
        }
    }

    private void retryLater() {
        connectViaHelperNoClose();
    }
}
