package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** CompletableFuture chains; Yoda == guards and one-other-reason exclusion in the callback. */
public class CompletableReconnect {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final DeviceClient client;
    private final DeviceClient aux;

    public CompletableReconnect() throws URISyntaxException, IOException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        aux = new DeviceClient(Util.CS.replace("dev1", "aux"), IotHubClientProtocol.AMQPS);
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            if (IotHubConnectionStatus.DISCONNECTED == status && IotHubConnectionStatusChangeReason.RETRY_EXPIRED == reason) {
                recycle();
            }
        }, null);
        client.open();
        aux.open();
    }

    /** close + open in one async stage; the follow-up stage only logs. */
    private CompletableFuture<Void> recycle() {
        return CompletableFuture.runAsync(() -> {
            try {
                client.closeNow();
                client.open();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, pool).whenComplete((v, t) -> {
            if (t != null) {
                System.err.println("recycle failed " + t);
            }
        });
    }

    /** Two stages: close in one, reopen in the next, reopen guarded by a helper. */
    public CompletableFuture<Void> recycleAux() {
        return CompletableFuture.runAsync(() -> {
            try {
                aux.closeNow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool).thenRunAsync(() -> {
            try {
                aux.closeNow();
                aux.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool).orTimeout(30, TimeUnit.SECONDS);
    }

    /** Near miss: fire-and-forget reopen with neither guard nor close. */
    public void kick() {
        CompletableFuture.runAsync(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                aux.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }, pool);
    }
}
