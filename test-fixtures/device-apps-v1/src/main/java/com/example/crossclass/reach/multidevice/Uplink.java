package com.example.crossclass.reach.multidevice;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** The gateway's own identity, shared by the poller. */
public class Uplink {
    private final String connectionString;
    DeviceClient client;
    DeviceClient backup;

    public Uplink(String connectionString) {
        this.connectionString = connectionString;
    }

    String connectionString() {
        return connectionString;
    }

    void reset() throws IOException, URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        // quiet: single start-up open (reset() is called once from Main); the finding is check 4(c) at the declaration
        client.open();
    }
}
