package com.example.codeshapes;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Android-style service in plain Java: lifecycle methods, tracked boolean, Handler hand-offs. */
public class TelemetryService {
    private final Handler handler = new Handler();
    private DeviceClient client;
    private DeviceClient diag;
    private volatile boolean linkUp;
    private volatile boolean userStopped;

    public void onCreate() {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        diag = new DeviceClient(Util.CS.replace("dev1", "diag"), IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this::onClientStatus, null);
        diag.setConnectionStatusChangeCallback(this::onDiagStatus, null);
    }

    public int onStartCommand() {
        try {
            client.open(false);
            diag.open(false);
        } catch (IotHubClientException e) {
            return 0;
        }
        return 1;
    }

    public void onDestroy() {
        userStopped = true;
        if (client != null) {
            client.close();
        }
        if (diag != null) {
            diag.close();
        }
    }

    private void onClientStatus(ConnectionStatusChangeContext ctx) {
        linkUp = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
        IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
        if (!linkUp && ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(r)) {
            handler.postDelayed(this::reconnect, 3000);
        }
    }

    /** Tracked boolean assigned in the status callback is the app's own model. */
    private void reconnect() {
        if (linkUp) {
            return;
        }
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            handler.postDelayed(this::reconnect, 10_000);
        }
    }

    /** Near miss: the guard on the status has no CLIENT_CLOSE exclusion (userStopped is not one). */
    private void onDiagStatus(ConnectionStatusChangeContext ctx) {
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && !userStopped) {
            handler.post(() -> {
                diag.close();
                try {
                    diag.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            });
        }
    }
}
