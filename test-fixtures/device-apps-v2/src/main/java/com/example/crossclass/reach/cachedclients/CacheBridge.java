package com.example.crossclass.reach.cachedclients;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A gateway bridge that keeps its clients in a cache class of its own (the shape of a public Live Objects to IoT Hub
 * connector): the client is registered here and stored through the cache's add(), and the only close is in the
 * cache's remove(), after the callback is removed, so CLIENT_CLOSE never reaches the callback.
 */
public class CacheBridge {
    private final ClientCache cache = new ClientCache();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    DeviceClient connect(String id, String cs) throws IotHubClientException {
        DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(context -> onStatus(id, cs, context.getNewStatus()), null);
        // quiet: check 1 - on the path from the callback, a DISCONNECTED guard dominates the hand-off; elsewhere a single start-up open
        client.open(false);
        cache.add(id, client);
        return client;
    }

    private void onStatus(String id, String cs, IotHubConnectionStatus status) {
        // quiet: check 5 - "Not reported when the app removes the callback before each of its own closes": the only close of a client from the cache (ClientCache.remove) removes the callback first
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(() -> recreate(id, cs));
        }
    }

    private void recreate(String id, String cs) {
        try {
            cache.remove(id);
            connect(id, cs);
        } catch (Exception e) {
            System.err.println("recreating " + id + " failed: " + e.getMessage());
        }
    }
}
