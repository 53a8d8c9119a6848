package com.example.handoff.completable;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** CompletableFuture stages as hand-offs, from status callbacks and from a send confirmation. */
public class AsyncDevice {
    private final DeviceClient client;
    private final DeviceClient uploader;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    AsyncDevice() {
        client = new DeviceClient(System.getenv("DEVICE_CS"), IotHubClientProtocol.AMQPS);
        uploader = new DeviceClient(System.getenv("UPLOADER_CS"), IotHubClientProtocol.AMQPS);

        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                CompletableFuture.runAsync(this::closeClient, pool).thenRunAsync(this::openClient, pool);
            }
        }, null);

        uploader.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) return;
            CompletableFuture.runAsync(this::closeUploader, pool).thenRunAsync(this::openUploader, pool);
        }, null);
    }

    private void closeClient() {
        // quiet: handed off with runAsync, not on the callback thread
        client.close();
    }

    private void openClient() {
        try {
            // quiet: chained `thenRunAsync` stage of a hand-off made under `== DISCONNECTED && reason != CLIENT_CLOSE`
            client.open(false);
        } catch (IotHubClientException e) {
            System.out.println("reopen failed: " + e.getMessage());
        }
    }

    private void closeUploader() {
        // quiet: check 3 — handed off with runAsync ("Hand-offs ... are not reported")
        uploader.close();
    }

    private void openUploader() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            uploader.open(false);
        } catch (IotHubClientException e) {
            System.out.println("uploader reopen failed: " + e.getMessage());
        }
    }

    void publish(String payload) {
        client.sendEventAsync(new Message(payload), (sentMessage, exception, context) -> {
            if (exception != null) {
                CompletableFuture.runAsync(() -> {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        System.out.println("recovery open failed: " + e.getMessage());
                    }
                }, pool);
            }
        }, null);
    }

    public static void main(String[] args) throws Exception {
        AsyncDevice device = new AsyncDevice();
        // quiet: start-up code
        device.client.open(false);
        // quiet: start-up code
        device.uploader.open(false);
        for (int i = 0; i < 100; i++) {
            device.publish("{\"i\":" + i + "}");
            Thread.sleep(1000);
        }
    }
}
