package com.example.multiplexing.replacement;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** AMQP multiplexing gateway (2.x). */
public class MultiplexedGateway {
    private final String hostName;
    private final Map<String, DeviceClient> leafClients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private MultiplexingClient multiplexingClient;
    private volatile boolean muxUp;

    public MultiplexedGateway(String hostName) {
        this.hostName = hostName;
    }

    public void start(Map<String, String> leafConnectionStrings) throws IotHubClientException, InterruptedException {
        multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        multiplexingClient.setConnectionStatusChangeCallback(ctx -> {
            muxUp = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED -> scheduler.execute(this::rebuild);
                case DISCONNECTED_RETRYING -> System.out.println("mux retrying");
                default -> System.out.println("mux " + ctx.getNewStatus());
            }
        }, null);
        List<DeviceClient> leaves = new ArrayList<>();
        for (Map.Entry<String, String> e : leafConnectionStrings.entrySet()) {
            DeviceClient leaf = new DeviceClient(e.getValue(), IotHubClientProtocol.AMQPS);
            leafClients.put(e.getKey(), leaf);
            leaves.add(leaf);
        }
        multiplexingClient.registerDeviceClients(leaves);
        multiplexingClient.open(false);
    }

    /** Scheduler: replaces the multiplexing client without closing the old one. */
    private void rebuild() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
            multiplexingClient.registerDeviceClients(leafClients.values());
            multiplexingClient.open(false);
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println("rebuild failed " + e);
        }
    }

    /** Scheduler: health check with tracked state, closes the old multiplexing client first. */
    public void startHealthCheck() {
        scheduler.scheduleAtFixedRate(() -> {
            if (!muxUp) {
                multiplexingClient.close();
                multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
                try {
                    multiplexingClient.registerDeviceClients(leafClients.values());
                    multiplexingClient.open(false);
                } catch (IotHubClientException | InterruptedException e) {
                    System.err.println("health rebuild failed " + e);
                }
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Scheduler: a leaf was re-keyed; the map entry is swapped, and unregistering what put() returned closes it (a
     * multiplexed client's own close() throws UnsupportedOperationException; unregistering closes its device session).
     */
    public void rekey(String deviceId, String cs) {
        scheduler.execute(() -> {
            DeviceClient previous = leafClients.put(deviceId, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
            try {
                multiplexingClient.unregisterDeviceClient(previous);
                multiplexingClient.registerDeviceClient(leafClients.get(deviceId));
            } catch (IotHubClientException | InterruptedException e) {
                System.err.println("rekey failed " + e);
            }
        });
    }

    /** Scheduler: the same, closing what put() returned. */
    public void rekeyClean(String deviceId, String cs) {
        scheduler.execute(() -> {
            DeviceClient previous = leafClients.put(deviceId, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
            try {
                if (previous != null) {
                    multiplexingClient.unregisterDeviceClient(previous);
                    previous.close();
                }
                multiplexingClient.registerDeviceClient(leafClients.get(deviceId));
            } catch (IotHubClientException | InterruptedException e) {
                System.err.println("rekey failed " + e);
            }
        });
    }

    public void stop() {
        multiplexingClient.close();
        if (IotHubConnectionStatusChangeReason.CLIENT_CLOSE != null) {
            scheduler.shutdownNow();
        }
    }
}
