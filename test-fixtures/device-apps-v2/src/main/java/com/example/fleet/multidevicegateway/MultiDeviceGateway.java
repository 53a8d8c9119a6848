package com.example.fleet.multidevicegateway;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** BLE-to-cloud gateway: every sensor tag has its own IoT Hub identity, multiplexed over AMQPS. */
public class MultiDeviceGateway {
    private final String hostName;
    private final Map<String, DeviceClient> clientsByTag = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private MultiplexingClient multiplexingClient;
    private volatile boolean muxUp;

    public MultiDeviceGateway(String hostName) {
        this.hostName = hostName;
    }

    public void start(Map<String, String> tagConnectionStrings) throws IotHubClientException, InterruptedException {
        multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        List<DeviceClient> all = new ArrayList<>();
        tagConnectionStrings.forEach((tag, cs) -> {
            DeviceClient dc = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            clientsByTag.put(tag, dc);
            all.add(dc);
        });
        multiplexingClient.registerDeviceClients(all);
        multiplexingClient.setConnectionStatusChangeCallback(this::onMuxStatus, null);
        multiplexingClient.open(true);
    }

    private void onMuxStatus(ConnectionStatusChangeContext ctx) {
        muxUp = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
        // expect: IotHubReopenAfterClientClose
        if (!muxUp && ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            pool.execute(this::restartMux);
        }
    }

    private void restartMux() {
        multiplexingClient.close();
        try {
            multiplexingClient.open(false);
        } catch (IotHubClientException e) {
            System.err.println("mux restart failed: " + e.getStatusCode());
        }
    }

    /** A new tag was paired through the BLE scanner (scanner thread pool). */
    public void onTagPaired(String tag, String cs) {
        pool.execute(() -> {
            DeviceClient previous = clientsByTag.get(tag);
            if (previous != null) {
                previous.close();
            }
            DeviceClient replacement = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            clientsByTag.put(tag, replacement);
            try {
                replacement.open(false);
            } catch (IotHubClientException e) {
                System.err.println("pairing failed: " + e.getStatusCode());
            }
        });
    }

    /** Re-pairing after a factory reset of the tag. */
    public void onTagReset(String tag, String cs) {
        pool.execute(() -> {
            DeviceClient replacement = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            DeviceClient old = clientsByTag.put(tag, replacement);
            if (old != null) {
                old.close();
            }
            try {
                replacement.open(false);
            } catch (IotHubClientException e) {
                System.err.println("re-pairing failed: " + e.getStatusCode());
            }
        });
    }

    /** Tag came back in range. */
    public void onTagInRange(String tag, String cs) {
        pool.execute(() -> {
            // expect: IotHubClientReplacedWithoutClose
            clientsByTag.put(tag, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
            try {
                // expect: IotHubOpenWithoutStatusGuard
                clientsByTag.get(tag).open(false);
            } catch (IotHubClientException e) {
                System.err.println("tag reconnect failed: " + e.getStatusCode());
            }
        });
    }

    /** Standalone (non-multiplexed) mode, one connection per tag. */
    public void startStandalone() throws IotHubClientException {
        for (Map.Entry<String, DeviceClient> e : clientsByTag.entrySet()) {
            String tag = e.getKey();
            DeviceClient dc = e.getValue();
            dc.setConnectionStatusChangeCallback(ctx -> {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                        && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                    pool.execute(() -> reopenTag(tag));
                }
            }, null);
            dc.open(true);
        }
    }

    private void reopenTag(String tag) {
        DeviceClient dc = clientsByTag.get(tag);
        dc.close();
        try {
            dc.open(false);
        } catch (IotHubClientException e) {
            System.err.println(tag + " reopen failed: " + e.getStatusCode());
        }
    }

    public void stop() {
        if (multiplexingClient != null) {
            multiplexingClient.close();
        }
        clientsByTag.values().forEach(DeviceClient::close);
        pool.shutdownNow();
    }
}
