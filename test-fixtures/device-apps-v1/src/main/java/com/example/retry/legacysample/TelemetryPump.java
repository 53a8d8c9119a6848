package com.example.retry.legacysample;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.util.List;

/** Sends telemetry and "recovers" from send failures in catches and in the send confirmation. */
public class TelemetryPump {
    private final DeviceClient client;
    private volatile boolean running = true;
    private volatile boolean hardReset;

    TelemetryPump(DeviceClient client) {
        this.client = client;
    }

    void pumpForever() throws InterruptedException {
        while (running) {
            try {
                client.sendEventAsync(new Message("{\"t\":21.5}"), (code, context) -> onSent(code), null);
            } catch (IllegalStateException e) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException io) {
                    System.out.println("reopen failed: " + io.getMessage());
                }
            }
            Thread.sleep(5000);
        }
    }

    /** Send-confirmation callback body: a re-entry site, but not a status callback. */
    private void onSent(IotHubStatusCode code) {
        if (code != IotHubStatusCode.OK && code != IotHubStatusCode.OK_EMPTY) {
            try {
                if (client != null) {
                    // quiet: check 3 is about status callbacks only; this is a send confirmation
                    client.closeNow();
                }
                // quiet: "(a) ... `if (c != null) c.close();` counts"; the path starts in a send confirmation, not a status callback
                client.open();
            } catch (IOException e) {
                System.out.println("recovery failed: " + e.getMessage());
            }
        }
    }

    void sendBatch(List<String> payloads) {
        for (String p : payloads) {
            try {
                client.sendEventAsync(new Message(p), null, null);
            } catch (IllegalStateException e) {
                try {
                    if (hardReset) {
                        client.closeNow();
                    }
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException io) {
                    System.out.println("reopen failed: " + io.getMessage());
                }
            }
        }
    }

    void stop() {
        running = false;
    }
}
