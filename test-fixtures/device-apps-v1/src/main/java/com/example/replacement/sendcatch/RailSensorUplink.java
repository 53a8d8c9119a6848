package com.example.replacement.sendcatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Supplier;

/** Pumps rail sensor readings in batches; a failed send rebuilds the link and skips to the next batch. */
public class RailSensorUplink {
    private final String connectionString;
    private DeviceClient client;

    public RailSensorUplink(String connectionString) throws URISyntaxException {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void pump(Supplier<List<String>> batches) throws InterruptedException, URISyntaxException {
        while (!Thread.currentThread().isInterrupted()) {
            for (String reading : batches.get()) {
                try {
                    client.sendEventAsync(new Message(reading), null, null);
                } catch (IllegalStateException e) {
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                    try {
                        // quiet: a fresh instance (exemption b), in a catch after a failed send, tried once
                        client.open();
                    } catch (IOException reopenFailed) {
                        System.err.println("reopen failed, next batch tries again: " + reopenFailed);
                    }
                    break;
                }
            }
            Thread.sleep(10_000L);
        }
    }
}
