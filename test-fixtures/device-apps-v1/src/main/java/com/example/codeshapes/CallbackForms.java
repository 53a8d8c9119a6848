package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 1.x callback shapes with CLIENT_CLOSE exclusions in several forms, plus near misses. */
public class CallbackForms {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Timer timer = new Timer(true);
    private final DeviceClient[] c = new DeviceClient[7];

    public CallbackForms() throws URISyntaxException, IOException {
        for (int i = 0; i < c.length; i++) {
            c[i] = new DeviceClient(Util.CS.replace("dev1", "cb" + i), IotHubClientProtocol.AMQPS);
        }

        // local class; receiver-first !equals on the reason parameter
        class Watcher implements IotHubConnectionStatusChangeCallback {
            private final int index;
            Watcher(int index) { this.index = index; }
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
                if (status.equals(IotHubConnectionStatus.DISCONNECTED) && !reason.equals(IotHubConnectionStatusChangeReason.CLIENT_CLOSE)) {
                    scheduler.schedule(() -> reopen(index), 1, TimeUnit.SECONDS);
                }
            }
        }
        c[0].registerConnectionStatusChangeCallback(new Watcher(0), null);

        // arrow switch on the reason inside the DISCONNECTED guard
        c[1].registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case CLIENT_CLOSE -> System.out.println("closed by us");
                    case EXPIRED_SAS_TOKEN, BAD_CREDENTIAL, RETRY_EXPIRED, NO_NETWORK, COMMUNICATION_ERROR -> timer.schedule(new TimerTask() {
                        @Override
                        public void run() {
                            reopen(1);
                        }
                    }, 1000);
                    default -> { }
                }
            }
        }, null);

        // anonymous class; || combination as early exit
        c[2].registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
                if (status != IotHubConnectionStatus.DISCONNECTED || reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    return;
                }
                scheduleReopen(2);
            }
        }, null);

        // near miss: hand-off through a helper, no CLIENT_CLOSE exclusion
        c[3].registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                scheduleReopen(3);
            }
        }, null);

        // near miss: RETRYING is the SDK's; open() on the callback thread -> only the first check reports
        c[4].registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    c[4].open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, null);

        // near miss: correct guard and exclusion, but the open stays on the callback thread
        c[5].registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    c[5].open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, null);

        // records only; the DISCONNECTED branch logs and cancels a timer (no reconnect reached)
        c[6].registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                System.out.println("gave up: " + reason);
                timer.purge();
            }
        }, null);

        for (DeviceClient each : c) {
            each.open();
        }
    }

    private void scheduleReopen(int i) {
        scheduler.schedule(() -> reopen(i), 2, TimeUnit.SECONDS);
    }

    private void reopen(int i) {
        try {
            c[i].closeNow();
            c[i].open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
