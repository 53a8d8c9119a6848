package com.example.android.mainactivity;

import android.os.Handler;
import android.os.Looper;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/** Android activity of a companion app that relays BLE readings of a glucose meter. */
public class MainActivity {
    private final Handler mainHandler = new Handler(Looper.getMainLooper());
    private DeviceClient client;
    private IotHubConnectionStatus linkStatus = IotHubConnectionStatus.DISCONNECTED;

    public void onCreate(String connectionString) {
        try {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            client.registerConnectionStatusChangeCallback(this::onLinkStatus, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        CompletableFuture.runAsync(() -> {
            try {
                var c = client;
                // expect: IotHubOpenWithoutStatusGuard
                c.open();
            } catch (IOException e) {
                showToast("could not connect");
            }
        }).thenRun(() -> {
            try {
                // not reported: contract v2: the lambda belongs to onCreate, which created the client first (exemption b)
                client.open();
            } catch (IOException e) {
                showToast("second open failed");
            }
        });
    }

    private void onLinkStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                              Throwable t, Object ctx) {
        linkStatus = status;
        mainHandler.post(() -> showToast("Link: " + status));
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            mainHandler.postDelayed(this::reconnectFromUi, 5000);
        }
    }

    private void reconnectFromUi() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            showToast("reconnect failed");
        }
    }

    /** "Sync now" button. */
    public void onSyncClicked() {
        mainHandler.post(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
                client.sendEventAsync(new Message("{\"sync\":true}"), (code, c) -> { }, null);
            } catch (IOException e) {
                showToast("sync failed");
            }
        });
    }

    /** "Reconnect" menu entry. */
    public void onReconnectClicked() {
        mainHandler.postDelayed(new Runnable() {
            @Override
            public void run() {
                if (linkStatus == IotHubConnectionStatus.DISCONNECTED) {
                    reconnectChecked();
                }
            }
        }, 200);
        ForkJoinPool.commonPool().execute(() -> {
            if (linkStatus != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            stepOne();
        });
    }

    private void reconnectChecked() {
        try {
            client.open();
        } catch (IOException e) {
            showToast("reconnect failed");
        }
    }

    private void stepOne() {
        showToast("reconnecting...");
        stepTwo();
    }

    private void stepTwo() {
        try {
            client.open();
        } catch (IOException e) {
            showToast("reconnect failed");
        }
    }

    public void onDestroy() {
        try {
            client.closeNow();
        } catch (IOException e) {
            showToast("close failed");
        }
    }

    private void showToast(String text) {
        System.out.println("TOAST: " + text);
    }
}
