package com.example.android.telemetryservice;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** Android foreground-service style client (Handler-based reconnect). */
public class TelemetryService {
    private final Handler handler = new Handler();
    private final String connString;
    private DeviceClient client;
    private IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public TelemetryService(String connString) {
        this.connString = connString;
    }

    public void onCreate() {
        handler.post(() -> {
            try {
                connect();
            } catch (IOException | URISyntaxException e) {
                System.err.println("initial connect failed " + e);
            }
        });
    }

    // reached from Handler.post (re-entry): closes the old instance before replacing it
    private void connect() throws IOException, URISyntaxException {
        if (client != null) {
            client.closeNow();
        }
        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object ctx) {
                lastStatus = status;
                // expect: IotHubReopenAfterClientClose
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    handler.postDelayed(() -> {
                        try {
                            connect();
                        } catch (IOException | URISyntaxException e) {
                            System.err.println("reconnect failed " + e);
                        }
                    }, 5000);
                }
            }
        }, null);
        client.setMessageCallback(new CommandHandler(), null);
        client.open();
    }

    /** Named inner MessageCallback: a "resubscribe" command makes a new client over the live one. */
    private class CommandHandler implements MessageCallback {
        @Override
        public IotHubMessageResult execute(Message message, Object ctx) {
            if ("resubscribe".equals(message.getProperty("cmd"))) {
                handler.post(() -> {
                    try {
                        // expect: IotHubClientReplacedWithoutClose
                        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                        client.setMessageCallback(this, null);
                        client.open();
                    } catch (IOException | URISyntaxException e) {
                        System.err.println("resubscribe failed " + e);
                    }
                });
            }
            return IotHubMessageResult.COMPLETE;
        }
    }

    public void onDestroy() {
        try {
            if (client != null) {
                client.closeNow();
            }
        } catch (IOException ignored) {
            // service is going away
        }
    }

    public IotHubConnectionStatus getLastStatus() {
        return lastStatus;
    }
}
