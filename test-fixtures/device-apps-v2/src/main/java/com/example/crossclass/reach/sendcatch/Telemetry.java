package com.example.crossclass.reach.sendcatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Scheduled at a fixed rate from Main (a named Runnable handed to a scheduler). */
public class Telemetry implements Runnable {
    private final ClientFactory factory;
    private final Reconnector reconnector;
    private volatile DeviceClient client;
    private int sequence;

    public Telemetry(ClientFactory factory, Reconnector reconnector, DeviceClient initial) {
        this.factory = factory;
        this.reconnector = reconnector;
        this.client = initial;
    }

    @Override
    public void run() {
        Message message = new Message("{\"seq\":" + (sequence++) + "}");
        try {
            client.sendEvent(message);
        } catch (IllegalStateException e) {
            // the client was closed underneath us: start over with a new one
            recover();
        } catch (IotHubClientException e) {
            // a failed send on an open client: try the same client again
            retryNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.sendEventAsync(new Message("heartbeat"), (sent, exception, context) -> {
            if (exception != null) {
                heal();
            }
        }, null);
    }

    private void recover() {
        client.close();
        DeviceClient fresh = factory.create();
        try {
            reconnector.openFresh(fresh);
        } catch (IotHubClientException e) {
            System.err.println("recover failed: " + e.getMessage());
        }
        // quiet: check 4(a) - the previous client was closed at the top of recover()
        client = fresh;
    }

    private void heal() {
        client.close();
        DeviceClient fresh = factory.create();
        try {
            reconnector.reopen(fresh);
        } catch (IotHubClientException e) {
            System.err.println("heal failed: " + e.getMessage());
        }
        client = fresh;
    }

    private void retryNow() {
        try {
            reconnector.reopen(client);
        } catch (IotHubClientException e) {
            System.err.println("retry failed: " + e.getMessage());
        }
    }
}
