package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** 2.x: a send loop whose catch reopens; start-up open before the loop. */
public class V2TelemetryLoop {
    private final DeviceClient client;
    private volatile boolean running = true;

    public V2TelemetryLoop(DeviceClient client) {
        this.client = client;
    }

    public void run() throws InterruptedException {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            throw new IllegalStateException(e);
        }
        while (running) {
            try {
                client.sendEvent(new Message("t"));
            } catch (IotHubClientException e) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException again) {
                    System.err.println(again);
                }
            }
            Thread.sleep(1000);
        }
    }

    public void runClosing() throws InterruptedException {
        while (running) {
            try {
                client.sendEvent(new Message("t"));
            } catch (IotHubClientException e) {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException again) {
                    System.err.println(again);
                }
            }
            Thread.sleep(1000);
        }
    }

    public void stop() {
        running = false;
        client.close();
    }
}
