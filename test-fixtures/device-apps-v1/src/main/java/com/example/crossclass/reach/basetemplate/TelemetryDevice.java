package com.example.crossclass.reach.basetemplate;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

public class TelemetryDevice extends ConnectedDevice {
    private final DeviceClient client;

    public TelemetryDevice(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    @Override
    protected void openClient() throws IOException {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
    }

    @Override
    protected void closeClient() throws IOException {
        // quiet: only reached from shutdown() at start-up; not between attempts, which is exactly the bug above
        client.closeNow();
    }
}
