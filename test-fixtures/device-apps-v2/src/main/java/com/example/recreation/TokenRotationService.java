package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.*;
import java.util.function.Supplier;

public class TokenRotationService {
    private DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Supplier<String> sas;

    public TokenRotationService(Supplier<String> sas) { this.sas = sas; }

    public void start() throws Exception {
        client = new DeviceClient(sas.get(), IotHubClientProtocol.MQTT);
        client.open(false);
        scheduler.scheduleAtFixedRate(this::rotate, 50, 50, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::rotateSafely, 50, 50, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(() -> makeBeforeBreak(), 50, 50, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(this::rotateIfMissing, 50, 50, TimeUnit.MINUTES);
    }

    void rotate() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(sas.get(), IotHubClientProtocol.MQTT);
            client.open(false);
        } catch (Exception e) {
            System.err.println("rotation failed " + e);
        }
    }

    void rotateSafely() {
        try {
            if (client != null) {
                client.close();
            }
            this.client = new DeviceClient(sas.get(), IotHubClientProtocol.MQTT);
            this.client.open(false);
        } catch (Exception e) {
            System.err.println("rotation failed " + e);
        }
    }

    void makeBeforeBreak() {
        try {
            DeviceClient old = client;
            // expect: IotHubClientReplacedWithoutClose
            this.client = new DeviceClient(sas.get(), IotHubClientProtocol.MQTT);
            client.open(false);
            old.close();
        } catch (Exception e) {
            System.err.println("rotation failed " + e);
        }
    }

    void rotateIfMissing() {
        try {
            if (client == null) {
                client = new DeviceClient(sas.get(), IotHubClientProtocol.MQTT);
                client.open(false);
            }
        } catch (Exception e) {
            System.err.println("create failed " + e);
        }
    }
}
