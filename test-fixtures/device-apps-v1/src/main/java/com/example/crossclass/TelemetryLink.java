package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** One device of the multiplexed gateway; its open/close are called by LinkManager (quiet). */
public class TelemetryLink extends LinkManager {
    private final DeviceClient client;

    public TelemetryLink(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    @Override
    protected void openClient() throws Exception {
        client.open();
    }

    @Override
    protected void closeClient() {
        try {
            client.closeNow();
        } catch (IOException e) {
            System.err.println("close failed: " + e.getMessage());
        }
    }
}
