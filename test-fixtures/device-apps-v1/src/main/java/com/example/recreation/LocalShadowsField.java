package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import java.util.concurrent.*;

public class LocalShadowsField {
    private DeviceClient deviceClient;
    private String hubName = "hub";
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public void init(String cs) throws Exception {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient deviceClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        deviceClient.open(false);
        ses.schedule(() -> sendPing(), 5, TimeUnit.SECONDS);
    }

    public void probe(String cs) throws Exception {
        DeviceClient hubName = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        hubName.open(false);
        hubName.close();
    }

    public void prepareOnly(String cs) throws Exception {
        DeviceClient deviceClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        this.deviceClient = deviceClient;
    }

    public void healthCheck(String cs) throws Exception {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient deviceClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        try {
            deviceClient.open(false);
        } finally {
            deviceClient.close();
        }
    }

    void sendPing() {
        if (deviceClient != null) {
            deviceClient.sendEventAsync(new Message("ping"), null, null);
        }
    }
}
