package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** ModuleClient subclass that reconnects itself in the wrong places. */
public class EagerModule extends ModuleClient {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public EagerModule(String cs) throws ModuleClientException, URISyntaxException {
        super(cs, IotHubClientProtocol.MQTT);
        registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    this.open();
                } catch (IOException e) {
                    // ignored
                }
            }
        }, null);
        timer.scheduleWithFixedDelay(this::refresh, 1, 1, TimeUnit.HOURS);
    }

    /** Periodic credential refresh on the scheduler thread: close then reopen the same (this) client. */
    private void refresh() {
        try {
            this.closeNow();
            open();
        } catch (IOException e) {
            // ignored
        }
    }

    /** Periodic "kick" without any status check. */
    private void kick() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            open(false);
        } catch (IOException e) {
            // ignored
        }
    }

    public void enableKick() {
        timer.scheduleAtFixedRate(() -> kick(), 5, 5, TimeUnit.MINUTES);
    }

    public void enableAutoRecover() {
        registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
                if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
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
            open();
        } catch (IOException e) {
            // ignored
        }
    }
}
