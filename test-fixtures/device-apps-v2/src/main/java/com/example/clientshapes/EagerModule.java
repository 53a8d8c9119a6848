package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** ModuleClient subclass that reconnects itself in the wrong places. */
public class EagerModule extends ModuleClient {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public EagerModule(String cs) {
        super(cs, IotHubClientProtocol.MQTT);
        setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        this.open(false);
                    } catch (IotHubClientException e) {
                        // ignored
                    }
                }
                default -> {
                }
            }
        }, null);
        timer.scheduleWithFixedDelay(this::refresh, 1, 1, TimeUnit.HOURS);
    }

    /** Periodic credential refresh on the scheduler thread: close then reopen the same (this) client. */
    private void refresh() {
        try {
            this.close();
            open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    /** Periodic "kick" without any status check. */
    private void kick() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            open(true);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    public void enableKick() {
        timer.scheduleAtFixedRate(() -> kick(), 5, 5, TimeUnit.MINUTES);
    }

    public void enableAutoRecover() {
        setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    recycle();
                }
            }
        }, null);
    }

    private void recycle() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            close();
            // expect: IotHubReconnectOnCallbackThread
            open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
