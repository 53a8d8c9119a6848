package com.example.retry.backoff;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Retry constructs that build a new client per attempt (2.x). */
public class ConnectWithBackoff {
    private final String cs;
    private DeviceClient client;

    public ConnectWithBackoff(String cs) {
        this.cs = cs;
    }

    /** do/while retry with a status flag; failed clients leak. */
    public void connectDoWhile() throws InterruptedException {
        boolean open = false;
        int attempt = 0;
        do {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                open = true;
            } catch (IotHubClientException e) {
                Thread.sleep(1000L * ++attempt);
            }
        } while (!open);
    }

    /** Same loop, with close() of the failed client in finally-less catch. */
    public void connectDoWhileClosing() throws InterruptedException {
        boolean open = false;
        do {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            try {
                client.open(false);
                open = true;
            } catch (IotHubClientException e) {
                client.close();
                Thread.sleep(1000);
            }
        } while (!open);
    }

    /** Catch retries the same instance once, without close. */
    public void connectTwice() throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            client.open(false);
        }
    }

    /** Catch schedules the same method again; the new client overwrites the failed one. */
    public void connectAsync() {
        try {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(this::connectAsync);
        }
    }

    /** Catch schedules the same method again, closing the failed client first. */
    public void connectAsyncClosing() {
        try {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.open(false);
        } catch (IotHubClientException e) {
            client.close();
            CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(this::connectAsyncClosing);
        }
    }

    /** Retry loop inside a background thread (re-entry site): assignment is the retry construct's, and it closes. */
    public void reconnectInBackground() {
        new Thread(() -> {
            while (true) {
                try {
                    client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open(false);
                    return;
                } catch (IotHubClientException e) {
                    client.close();
                }
            }
        }).start();
    }

    public static void main(String[] args) throws Exception {
        ConnectWithBackoff c = new ConnectWithBackoff(args[0]);
        c.connectDoWhile();
        c.connectDoWhileClosing();
        c.connectTwice();
        c.connectAsync();
        c.connectAsyncClosing();
        c.reconnectInBackground();
    }
}
