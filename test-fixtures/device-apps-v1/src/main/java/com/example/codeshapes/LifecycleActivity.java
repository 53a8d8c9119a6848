package com.example.codeshapes;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** Android-style activity written in plain Java: lifecycle methods plus a main-thread Handler. */
public class LifecycleActivity {
    private final Handler mainHandler = new Handler();
    private DeviceClient client;
    private DeviceClient telemetry;
    private boolean started;

    protected void onCreate() throws URISyntaxException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        telemetry = new DeviceClient(Util.CS.replace("dev1", "tele"), IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this::onConnectionStatus, null);
        telemetry.registerConnectionStatusChangeCallback(this::onTelemetryStatus, null);
    }

    protected void onStart() throws IOException {
        client.open();
        telemetry.open();
        started = true;
    }

    protected void onStop() throws IOException {
        started = false;
        client.closeNow();
        telemetry.closeNow();
    }

    protected void onDestroy() {
        client = null;
        telemetry = null;
    }

    /** Status callback as an instance method reference: posts to the main handler. */
    private void onConnectionStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            return;
        }
        if (status == IotHubConnectionStatus.DISCONNECTED && started) {
            mainHandler.post(this::reconnectOnMain);
        }
    }

    private void reconnectOnMain() {
        if (client != null) {
            try {
                client.closeNow();
            } catch (IOException e) {
                System.err.println("ignored close failure " + e);
            }
        }
        try {
            client.open();
        } catch (IOException e) {
            mainHandler.postDelayed(this::reconnectOnMain, 5000);
        }
    }

    /** Near miss: same hand-off shape, but nothing stops a reopen after the app's own onStop(). */
    private void onTelemetryStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            mainHandler.postDelayed(() -> {
                try {
                    telemetry.open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }, 1000);
        }
    }
}
