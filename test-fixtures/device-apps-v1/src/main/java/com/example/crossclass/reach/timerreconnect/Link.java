package com.example.crossclass.reach.timerreconnect;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class Link {
    private final String connectionString;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile long lastAck = System.currentTimeMillis();
    DeviceClient client;

    public Link(String connectionString) throws URISyntaxException {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void start() throws IOException {
        // quiet: single start-up open (Main only)
        client.open();
    }

    boolean isStale() {
        return System.currentTimeMillis() - lastAck > 120_000;
    }

    void acked() {
        lastAck = System.currentTimeMillis();
    }

    /** Periodic hard reset (ReopenTask). */
    void reopen() throws IOException {
        client.closeNow();
        // quiet: check 1 exemption (a) "the same client was closed earlier in the same method on every path"; the only path starts at a timer, not a status callback
        client.open();
    }

    void shutdownLink() throws IOException {
        client.closeNow();
    }

    /** Only called by RefreshTask right after shutdownLink(). */
    void resume() throws IOException {
        // quiet: check 1 exemption (a) looked up "along the path, into earlier calls and callers": RefreshTask.run() calls link.shutdownLink() first
        client.open();
    }

    void openOnly() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    /** Triggered by a cloud-to-device "recreate" command. */
    void recreate() throws URISyntaxException {
        DeviceClient fresh = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        executor.execute(() -> {
            try {
                if (client != null) {
                    client.closeNow();
                }
                // quiet: check 4(a) - the previous value is closed just before the assignment
                client = fresh;
                // quiet: check 1 exemption (b): "a lambda ... belongs to the method that creates it, and the variables it captures count as that method's locals" - fresh was created earlier in recreate()
                fresh.open();
            } catch (IOException e) {
                System.err.println("recreate failed: " + e.getMessage());
            }
        });
    }
}
