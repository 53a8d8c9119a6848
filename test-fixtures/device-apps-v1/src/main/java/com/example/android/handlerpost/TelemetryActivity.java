package com.example.android.handlerpost;

import android.app.Activity;
import android.os.Bundle;
import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** Android activity using Handler.post / postDelayed for (re)connects. */
public class TelemetryActivity extends Activity {
    private DeviceClient client;
    private final Handler handler = new Handler();
    private volatile boolean connected;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        try {
            client = new DeviceClient(System.getenv("ANDROID_DEVICE_CS"), IotHubClientProtocol.MQTT_WS);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                    Throwable throwable, Object context) {
                connected = status == IotHubConnectionStatus.CONNECTED;
                lastStatus = status;
                if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    handler.postDelayed(new ReconnectRunnable(), 5000);
                }
            }
        }, null);
        new Thread(() -> {
            try {
                // quiet: code given to a Thread, but "(b) the client was created earlier in the same method" — "a lambda ... belongs to the method that creates it" (onCreate)
                client.open();
            } catch (IOException e) {
                System.out.println("initial open failed: " + e.getMessage());
            }
        }).start();
    }

    /** Named Runnable posted only from the guarded callback branch. */
    class ReconnectRunnable implements Runnable {
        @Override
        public void run() {
            new Thread(() -> {
                try {
                    client.closeNow();
                    // quiet: guarded by `status == DISCONNECTED && reason != CLIENT_CLOSE` in the callback that posts it
                    client.open();
                } catch (IOException e) {
                    System.out.println("reconnect failed: " + e.getMessage());
                }
            }).start();
        }
    }

    @Override
    protected void onResume() {
        super.onResume();
        handler.post(() -> {
            if (!connected) {
                try {
                    // quiet: tracked boolean assigned in the status callback is a DISCONNECTED guard
                    client.open();
                } catch (IOException e) {
                    System.out.println("resume open failed: " + e.getMessage());
                }
            }
        });
    }

    /** Wired to a "Retry" button. */
    public void onRetryClicked() {
        handler.postDelayed(() -> {
            if (lastStatus != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    System.out.println("retry open failed: " + e.getMessage());
                }
            }
        }, 250);
    }

    @Override
    protected void onDestroy() {
        try {
            // quiet: shutdown, not on the callback thread
            client.closeNow();
        } catch (IOException e) {
            System.out.println("close failed: " + e.getMessage());
        }
        super.onDestroy();
    }
}
