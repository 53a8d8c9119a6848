package com.example.statusguard.twinuploader;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Data logger that uploads readings in batches. The twin's desired property "uploadIntervalSec"
 * controls the cadence.
 */
public class TwinUploader {
    private final DeviceClient client;
    private volatile boolean online;
    private volatile int uploadIntervalSec = 60;
    private volatile boolean running = true;

    public TwinUploader(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(
                (status, reason, t, ctx) -> onLinkChange(status, reason), null);
    }

    private void onLinkChange(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
        online = status == IotHubConnectionStatus.CONNECTED;
        // expect: IotHubReopenAfterClientClose
        if (!online && status != IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            Thread t = new Thread(new Runnable() {
                @Override
                public void run() {
                    relink();
                }
            }, "relink");
            t.start();
        }
    }

    private void relink() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println("relink failed: " + e);
        }
    }

    public void start() throws IOException {
        client.open();
        client.startDeviceTwin((code, ctx) -> { }, null, new TwinPropertyCallBack() {
            @Override
            public void TwinPropertyCallBack(Property property, Object context) {
                if ("uploadIntervalSec".equals(property.getKey())) {
                    uploadIntervalSec = ((Number) property.getValue()).intValue();
                    applyNewSettings();
                }
            }
        }, null);
        new Thread(this::uploadLoop, "uploader").start();
    }

    private void applyNewSettings() {
        ensureOnline();
    }

    private void ensureOnline() {
        if (isOffline()) {
            try {
                client.open();
            } catch (IOException e) {
                System.err.println("could not go online: " + e);
            }
        }
    }

    private boolean isOffline() {
        return !online;
    }

    private void uploadLoop() {
        while (running) {
            try {
                client.sendEventAsync(new Message("{\"batch\":[]}"), (code, ctx) -> { }, null);
            } catch (IllegalStateException closed) {
                reconnectAfterSendFailure();
            }
            sleep(uploadIntervalSec * 1000L);
        }
    }

    private void reconnectAfterSendFailure() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect after send failure failed: " + e);
        }
    }

    public void stop() throws IOException {
        running = false;
        client.closeNow();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
