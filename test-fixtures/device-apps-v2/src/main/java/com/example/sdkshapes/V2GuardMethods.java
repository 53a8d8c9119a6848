package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 2.x: same-class guard methods, guarded helper methods, tracked status field. */
public class V2GuardMethods implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.CONNECTED;
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public V2GuardMethods(DeviceClient client) throws IotHubClientException {
        this.client = client;
        client.setConnectionStatusChangeCallback(this, null);
        client.open(false);
        ses.scheduleWithFixedDelay(this::maintenance, 1, 1, TimeUnit.MINUTES);
    }

    private static boolean isDown(ConnectionStatusChangeContext ctx) {
        return ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED;
    }

    private boolean linkLost() {
        return lastStatus == IotHubConnectionStatus.DISCONNECTED;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        lastStatus = ctx.getNewStatus();
        // expect: IotHubReopenAfterClientClose
        if (isDown(ctx)) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    private void maintenance() {
        if (linkLost()) {
            reopen();
        }
        if (lastStatus == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    private void reopen() {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }
}
