package com.example.retry.exittest;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Door controllers whose connect loops test a flag at the top of each round. */
public class Door {
    private final DeviceClient client;

    public Door(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    /** Leaves at the top of the round after the open() succeeded: a retry loop, with no close between attempts. */
    public void connect() throws InterruptedException {
        boolean opened = false;
        for (;;) {
            if (opened) {
                break;
            }
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                opened = true;
            } catch (IotHubClientException e) {
                Thread.sleep(1500);
            }
        }
    }

    /** The same loop closing first. */
    public void connectClosingFirst() throws InterruptedException {
        boolean connected = false;
        while (true) {
            if (connected) return;
            try {
                // quiet: a close in a retry, before the next attempt
                client.close();
                // quiet: start-up retry that closes before every attempt
                client.open(false);
                connected = true;
            } catch (IotHubClientException e) {
                Thread.sleep(1500);
            }
        }
    }

    /** Leaves only when an open() failed: after a success it opens again a minute later, a re-entry loop. */
    public void keepOpeningUntilAFailure() throws InterruptedException {
        boolean failed = false;
        while (true) {
            if (failed) {
                return;
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                failed = true;
            }
            Thread.sleep(60_000);
        }
    }
}
