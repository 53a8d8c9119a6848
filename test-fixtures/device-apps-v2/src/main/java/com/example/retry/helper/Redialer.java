package com.example.retry.helper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A failed open() goes to a back-off policy of another class that shuts the link down before it dials again. */
public final class Redialer {
    /** The policy: shut the failed link down, wait, dial again. */
    static final class Backoff {
        void again(Redialer redialer) throws InterruptedException {
            redialer.shutDown();
            Thread.sleep(5_000);
            redialer.dial();
        }
    }

    private final DeviceClient client;
    private final Backoff backoff = new Backoff();

    public Redialer(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    void dial() throws InterruptedException {
        try {
            // quiet: the back-off closes this client (shutDown()) before it dials again
            client.open(true);
        } catch (IotHubClientException e) {
            backoff.again(this);
        }
    }

    void shutDown() {
        client.close();
    }
}
