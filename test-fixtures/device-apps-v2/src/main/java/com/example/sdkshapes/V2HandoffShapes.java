package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** 2.x: what runs on the callback thread and what is handed off, in several modern shapes. */
public class V2HandoffShapes {
    private final DeviceClient client;
    private final List<DeviceClient> peers;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public V2HandoffShapes(DeviceClient client, List<DeviceClient> peers) throws IotHubClientException {
        this.client = client;
        this.peers = peers;
        client.setConnectionStatusChangeCallback(this::onStatus, null);
        client.open(false);
    }

    private void onStatus(ConnectionStatusChangeContext ctx) {
        var status = ctx.getNewStatus();
        var reason = ctx.getNewStatusReason();
        if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            // lambda run synchronously by forEach on the callback thread
            // expect: IotHubReconnectOnCallbackThread
            peers.forEach(p -> p.close());
            // same-class method reached synchronously through a method reference
            peers.forEach(this::shutPeer);
        }
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            // lambda stored in a local, then handed to an executor: not on the callback thread
            Runnable task = () -> {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            };
            pool.execute(task);
            // a Supplier built here and handed to supplyAsync
            Supplier<Boolean> probe = () -> {
                client.close();
                return Boolean.TRUE;
            };
            CompletableFuture.supplyAsync(probe, pool);
            // a Runnable built by a same-class factory and run synchronously: on the callback thread
            closer().run();
        }
    }

    private void shutPeer(DeviceClient p) {
        // expect: IotHubReconnectOnCallbackThread
        p.close();
    }

    private Runnable closer() {
        return () -> {
            for (DeviceClient p : peers) {
                // expect: IotHubReconnectOnCallbackThread
                p.close();
            }
        };
    }
}
