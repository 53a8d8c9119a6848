package com.example.crossclass.reach.cachedclients;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The same bridge over a cache that closes clients with their callbacks still registered. */
public class ForgetfulBridge {
    private final ForgetfulCache cache = new ForgetfulCache();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    void connect(String id, String cs) throws java.io.IOException, java.net.URISyntaxException {
        DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> onStatus(id, cs, status), null);
        // quiet: check 1 - on the path from the callback, a DISCONNECTED guard dominates the hand-off; elsewhere a single start-up open
        client.open();
        cache.keep(id, client);
    }

    private void onStatus(String id, String cs, IotHubConnectionStatus status) {
        // ForgetfulCache.evict closes a client from the cache with the callback still registered, so the app's own
        // close reaches this guard as CLIENT_CLOSE and reconnects
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            worker.execute(() -> recreate(id, cs));
        }
    }

    private void recreate(String id, String cs) {
        try {
            cache.evict(id);
            connect(id, cs);
        } catch (Exception e) {
            System.err.println("recreating " + id + " failed: " + e.getMessage());
        }
    }
}
