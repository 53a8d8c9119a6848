package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.Closeable;
import java.io.IOException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Every hand-off form out of the status callback, plus near misses that stay on the callback thread. */
public class CallbackThreadForms implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Timer timer = new Timer(true);
    private final DeviceClient client;
    private final Closeable journal;
    private int disconnects;

    public CallbackThreadForms(Closeable journal) throws IotHubClientException {
        this.journal = journal;
        this.client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        this.client.setConnectionStatusChangeCallback(this, "ctx");
        this.client.open(false);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus s = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason r = ctx.getNewStatusReason();
        if (s == IotHubConnectionStatus.DISCONNECTED && r == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            closeJournal();
            return;
        }
        if (s != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        disconnects++;
        switch (disconnects % 6) {
            case 0 -> new Thread(this::closeAndOpen).start();
            case 1 -> executor.submit(this::closeAndOpen);
            case 2 -> scheduler.schedule(this::closeAndOpen, 2, TimeUnit.SECONDS);
            case 3 -> CompletableFuture.runAsync(this::closeAndOpen);
            case 4 -> timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    closeAndOpen();
                }
            }, 2000);
            default -> viaHelper();
        }
    }

    /** Helper called synchronously that only hands off. */
    private void viaHelper() {
        executor.execute(() -> {
            client.close();
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        });
    }

    private void closeAndOpen() {
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** close() of a non-client resource on the callback thread. */
    private void closeJournal() {
        try {
            journal.close();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    // ---- near misses: a second callback that closes on its own thread ----

    public void watchPeer(DeviceClient peer) {
        peer.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                // close is synchronous; only the open is handed off
                // expect: IotHubReconnectOnCallbackThread
                peer.close();
                executor.execute(() -> {
                    try {
                        peer.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println(e);
                    }
                });
            }
        }, null);
    }

    public void watchPeerDeep(DeviceClient peer) {
        peer.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                stepOne(peer);
            }
        }, null);
    }

    private void stepOne(DeviceClient peer) {
        stepTwo(peer);
    }

    private void stepTwo(DeviceClient peer) {
        // expect: IotHubReconnectOnCallbackThread
        peer.close();
    }
}
