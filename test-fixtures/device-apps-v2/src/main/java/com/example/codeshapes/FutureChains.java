package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** CompletableFuture-based reconnects. */
public class FutureChains {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final DeviceClient client;
    private final DeviceClient peer;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.CONNECTED;

    public FutureChains() throws IotHubClientException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        peer = new DeviceClient(Util.CS.replace("dev1", "peer"), IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        client.open(false);
        peer.open(false);
    }

    private void onStatus(ConnectionStatusChangeContext ctx) {
        status = ctx.getNewStatus();
        if (IotHubConnectionStatus.DISCONNECTED == ctx.getNewStatus() && IotHubConnectionStatusChangeReason.RETRY_EXPIRED == ctx.getNewStatusReason()) {
            CompletableFuture
                .runAsync(client::close, pool)
                .thenRunAsync(this::openClient, pool)
                .exceptionally(t -> {
                    System.err.println("reconnect failed " + t);
                    return null;
                });
        }
    }

    private void openClient() {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            throw new CompletionException(e);
        }
    }

    /** Guard inside the async stage on the status field. */
    public CompletableFuture<Boolean> healPeer() {
        return CompletableFuture.supplyAsync(() -> {
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                return false;
            }
            try {
                peer.close();
                peer.open(false);
                return true;
            } catch (IotHubClientException e) {
                return false;
            }
        }, pool).completeOnTimeout(false, 30, TimeUnit.SECONDS);
    }

    /** Near miss: the async stage reopens on a timer regardless of status. */
    public void refreshLater() {
        CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS, pool).execute(() -> { });
        CompletableFuture.supplyAsync(() -> "token", pool).thenAcceptAsync(token -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                peer.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }, pool);
    }
}
