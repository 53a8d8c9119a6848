package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.net.URISyntaxException;

/** Implements the base class's openClient(): the retried open() of LegacyRetryBase.connectWithRetry(). */
public class LegacyRetryDevice extends LegacyRetryBase {
    private final DeviceClient client;

    public LegacyRetryDevice(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    protected void openClient() throws Exception {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
    }

    public static void main(String[] args) throws Exception {
        new LegacyRetryDevice(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")).connectWithRetry();
    }
}
