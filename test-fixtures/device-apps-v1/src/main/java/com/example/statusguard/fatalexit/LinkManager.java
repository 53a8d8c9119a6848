package com.example.statusguard.fatalexit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;

import java.io.IOException;

/**
 * A manager loop that leaves only when an open fails: after every success it waits to be woken and opens the same
 * client again, whatever the SDK is doing with it.
 */
public class LinkManager {
    private final DeviceClient client;
    private final Object wakeUp = new Object();

    public LinkManager(DeviceClient client) {
        this.client = client;
    }

    public void run() throws InterruptedException {
        while (true) {
            boolean failed = false;
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                failed = true;
            }
            if (failed) {
                return;
            }
            synchronized (wakeUp) {
                wakeUp.wait();
            }
        }
    }

    /** Opens until it succeeds, leaving on success: a retry, with no close between the attempts. */
    public void connectAtStartUp() throws InterruptedException {
        while (true) {
            boolean failed = false;
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
            } catch (IOException e) {
                failed = true;
            }
            if (!failed) {
                return;
            }
            Thread.sleep(5_000);
        }
    }
}
