package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** 1.x: one client per device; streams/forEach with checked exceptions; map of clients. */
public class V1Fleet {
    private final List<DeviceClient> clients = new ArrayList<>();
    private final Map<String, DeviceClient> byId = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final DeviceClient gateway;

    public V1Fleet(DeviceClient gateway, List<String> css) throws URISyntaxException {
        this.gateway = gateway;
        for (String cs : css) {
            clients.add(new DeviceClient(cs, IotHubClientProtocol.MQTT));
        }
        gateway.setMessageCallback((msg, ctx) -> {
            String id = msg.getProperty("deviceId");
            String cs = msg.getProperty("cs");
            try {
                DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                // expect: IotHubClientReplacedWithoutClose
                byId.put(id, fresh);
                fresh.open();
            } catch (URISyntaxException | IOException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    // start-up: forEach lambda and enhanced for, one client per device
    public void openAll() {
        clients.forEach(c -> {
            try {
                c.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (DeviceClient c : clients) {
            try {
                c.open(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // CompletableFuture.runAsync lambdas are re-entry sites by definition
    public void openAllAsync() {
        clients.forEach(c -> CompletableFuture.runAsync(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                c.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, pool));
    }

    public void watchdog(ScheduledExecutorService ses) {
        ses.scheduleAtFixedRate(() -> clients.stream().filter(Objects::nonNull).forEach(c -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                c.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }), 1, 1, TimeUnit.MINUTES);
    }

    public void replaceSafely(String id, String cs) {
        pool.execute(() -> {
            try {
                DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                DeviceClient old = byId.put(id, fresh);
                if (old != null) {
                    old.closeNow();
                }
                fresh.open();
            } catch (URISyntaxException | IOException e) {
                System.err.println(e);
            }
        });
    }
}
