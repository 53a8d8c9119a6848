package com.example.retrylibraries.springretry.gateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.support.RetryTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Field gateway: one client per downstream device, each connected through a RetryTemplate at start-up. */
public class DeviceRegistry {

    record DeviceConfig(String id, String connectionString) {
    }

    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final RetryTemplate template = RetryTemplate.builder()
            .maxAttempts(5)
            .fixedBackoff(3000)
            .retryOn(IotHubClientException.class)
            .build();

    static List<DeviceConfig> load(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> line.split("\\|", 2))
                .map(parts -> new DeviceConfig(parts[0], parts[1]))
                .collect(Collectors.toList());
    }

    void connectAll(List<DeviceConfig> configs) throws IotHubClientException {
        for (DeviceConfig d : configs) {
            DeviceClient c = new DeviceClient(d.connectionString(), IotHubClientProtocol.MQTT);
            template.execute((RetryCallback<Void, IotHubClientException>) ctx -> {
                // retry construct (RetryTemplate.execute) inside an enhanced for, which is "not a re-entry site by itself"; no close between attempts
                // expect: IotHubOpenRetryWithoutClose
                c.open(false);
                return null;
            });
            // quiet (check 4b): start-up code, not "a re-entry site"
            clients.put(d.id(), c);
        }
    }

    DeviceClient get(String id) {
        return clients.get(id);
    }

    public static void main(String[] args) throws Exception {
        DeviceRegistry registry = new DeviceRegistry();
        registry.connectAll(load(Path.of(args[0])));
        DeviceReconnector reconnector = new DeviceReconnector(registry);
        GatewayCommandHandler handler = new GatewayCommandHandler(System.getenv("GATEWAY_UPSTREAM_CS"), reconnector);
        handler.start();
    }
}
