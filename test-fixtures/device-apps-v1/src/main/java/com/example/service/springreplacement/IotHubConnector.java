package com.example.service.springreplacement;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Spring-service style connector (lifecycle methods called by the container). */
public class IotHubConnector {
    private final ConnectorProperties props;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile DeviceClient deviceClient;
    private volatile boolean connected;

    public IotHubConnector(ConnectorProperties props) {
        this.props = props;
    }

    /** @PostConstruct */
    public void init() throws IOException, URISyntaxException {
        deviceClient = newClient(props.connectionString());
        deviceClient.open();
        scheduler.scheduleWithFixedDelay(this::healthCheck, 1, 1, TimeUnit.MINUTES);
    }

    private DeviceClient newClient(String cs) throws URISyntaxException, IOException {
        DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        c.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            connected = status == IotHubConnectionStatus.CONNECTED;
        }, null);
        c.subscribeToDeviceMethod(this::onMethod, null, (code, ctx) -> { }, null);
        return c;
    }

    /** @Scheduled health check: tracked-state guard, but the disconnected client is dropped without close. */
    void healthCheck() {
        if (!connected) {
            try {
                // expect: IotHubClientReplacedWithoutClose
                deviceClient = newClient(props.connectionString());
                deviceClient.open();
            } catch (IOException | URISyntaxException e) {
                System.err.println("health check reconnect failed " + e);
            }
        }
    }

    /** Direct method "rotateKey": close first, then swap in a client with the new key. */
    private DeviceMethodData onMethod(String methodName, Object payload, Object ctx) {
        if ("rotateKey".equals(methodName)) {
            String newCs = new String((byte[]) payload, StandardCharsets.UTF_8);
            CompletableFuture.runAsync(() -> {
                try {
                    deviceClient.closeNow();
                    deviceClient = newClient(newCs);
                    deviceClient.open();
                } catch (IOException | URISyntaxException e) {
                    System.err.println("rotate failed " + e);
                }
            });
            return new DeviceMethodData(200, "rotating");
        }
        if ("reconnect".equals(methodName)) {
            // the method callback runs while the link is live: reopening the same client is unguarded
            CompletableFuture.runAsync(() -> {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    deviceClient.open();
                } catch (IOException e) {
                    System.err.println("reconnect failed " + e);
                }
            });
            return new DeviceMethodData(200, "ok");
        }
        return new DeviceMethodData(404, "unknown method " + methodName);
    }

    public void publish(String json) {
        deviceClient.sendEventAsync(new Message(json), (code, ctx) -> { }, null);
    }

    /** @PreDestroy */
    public void shutdown() throws IOException {
        scheduler.shutdownNow();
        deviceClient.closeNow();
    }

    public interface ConnectorProperties {
        String connectionString();
    }
}
