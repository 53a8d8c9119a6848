package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** getNewStatus() is the guard; getPreviousStatus() only says where the link came from. */
public class PreviousStatusMisuse {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceClient good;
    private final DeviceClient bad;

    public PreviousStatusMisuse() throws IotHubClientException {
        good = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS_WS);
        bad = new DeviceClient(Util.CS.replace("dev1", "bad"), IotHubClientProtocol.AMQPS_WS);

        // local class as the callback
        class GoodWatcher implements IotHubConnectionStatusChangeCallback {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                // previous status is only logged; the decision uses the new status
                if (ctx.getPreviousStatus() == IotHubConnectionStatus.CONNECTED) {
                    System.out.println("lost a working link");
                }
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    scheduler.schedule(PreviousStatusMisuse.this::reopenGood, 5, TimeUnit.SECONDS);
                }
            }
        }
        good.setConnectionStatusChangeCallback(new GoodWatcher(), null);

        bad.setConnectionStatusChangeCallback(ctx -> {
            // near miss: previous status DISCONNECTED means the new one is CONNECTED or RETRYING
            if (ctx.getPreviousStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                scheduler.schedule(this::reopenBad, 5, TimeUnit.SECONDS);
            }
        }, null);

        good.open(false);
        bad.open(false);
    }

    private void reopenGood() {
        try {
            good.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    private void reopenBad() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            bad.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }
}
