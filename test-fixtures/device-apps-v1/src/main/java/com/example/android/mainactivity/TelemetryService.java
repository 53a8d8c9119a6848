package com.example.android.mainactivity;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Port of an Android foreground service that streams phone sensor readings. The Android framework
 * classes are replaced by plain Java so it builds without the Android SDK.
 */
public class TelemetryService {
    private static final String TAG = "TelemetryService";

    private DeviceClient client;
    private final Timer timer = new Timer("telemetry", true);
    private final Executor mainExecutor = Executors.newSingleThreadExecutor();
    private volatile boolean connected;
    private volatile boolean networkAvailable = true;
    private volatile boolean sdkRetrying;
    private int sent;

    public void onCreate(String connectionString) {
        try {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
            client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
                @Override
                public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                                    Throwable throwable, Object callbackContext) {
                    connected = status == IotHubConnectionStatus.CONNECTED;
                    sdkRetrying = status == IotHubConnectionStatus.DISCONNECTED_RETRYING;
                    if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                        log("SDK is retrying: " + reason);
                    }
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                        if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                            log("closed by the app");
                        } else {
                            new Thread(() -> restartClient()).start();
                        }
                    }
                }
            }, null);
            client.open();
        } catch (URISyntaxException | IOException e) {
            log("could not start: " + e);
            return;
        }

        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                if (!connected) {
                    try {
                        client.open();
                    } catch (IOException e) {
                        log("still offline");
                    }
                    return;
                }
                sendReading();
            }
        }, 10_000, 30_000);

        // the SDK docs say not to touch the client while it is retrying
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (!sdkRetrying) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        log("hourly refresh failed");
                    }
                }
            }
        }, 3_600_000L, 3_600_000L);
    }

    /** Called by the connectivity listener. */
    public void onNetworkChanged(boolean available) {
        mainExecutor.execute(() -> {
            boolean wasOffline = !networkAvailable;
            networkAvailable = available;
            if (available && wasOffline) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    log("reopen after network change failed: " + e);
                }
            }
        });
    }

    private void restartClient() {
        try {
            client.closeNow();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            client.open();
        } catch (IOException e) {
            log("restart failed: " + e);
        }
    }

    private void sendReading() {
        Message m = new Message("{\"accelX\":" + Math.random() + "}");
        client.sendEventAsync(m, new IotHubEventCallback() {
            @Override
            public void execute(IotHubStatusCode responseStatus, Object callbackContext) {
                if (responseStatus == IotHubStatusCode.OK || responseStatus == IotHubStatusCode.OK_EMPTY) {
                    sent++;
                }
            }
        }, null);
    }

    public void onDestroy() {
        timer.cancel();
        try {
            client.closeNow();
        } catch (IOException e) {
            log("close failed: " + e);
        }
    }

    private static void log(String s) {
        System.out.println(TAG + ": " + s);
    }
}
