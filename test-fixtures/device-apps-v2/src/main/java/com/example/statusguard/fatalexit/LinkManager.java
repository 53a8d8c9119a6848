package com.example.statusguard.fatalexit;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/**
 * The 2.x reconnection sample's manager loop without its close: it leaves only on a fatal failure, and after every
 * success it waits to be woken and opens the same client again, whatever the SDK is doing with it.
 */
public class LinkManager {
    private final DeviceClient client =
        new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.AMQPS);
    private final Object wakeUp = new Object();

    public void run() throws InterruptedException {
        while (true) {
            boolean encounteredFatalException = !openOnce();
            if (encounteredFatalException) {
                return;
            }
            synchronized (wakeUp) {
                wakeUp.wait();
            }
        }
    }

    private boolean openOnce() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
            return true;
        } catch (IotHubClientException e) {
            System.err.println("fatal: " + e.getMessage());
            return false;
        }
    }

    /** Opens until it succeeds, leaving on success: a retry, with no close between the attempts. */
    public void connectAtStartUp() throws InterruptedException {
        while (true) {
            boolean failed = false;
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
            } catch (IotHubClientException e) {
                failed = true;
            }
            if (!failed) {
                return;
            }
            Thread.sleep(5_000);
        }
    }
}
