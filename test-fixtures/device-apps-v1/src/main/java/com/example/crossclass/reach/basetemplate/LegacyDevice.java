package com.example.crossclass.reach.basetemplate;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Kept for the old firmware image; no code in this module creates it any more. */
public class LegacyDevice extends ConnectedDevice {
    private final DeviceClient client;

    public LegacyDevice(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.HTTPS);
    }

    @Override
    protected void openClient() throws IOException {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
    }

    @Override
    protected void closeClient() throws IOException {
        client.close();
    }
}
