package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** Never instantiated in this build: a call through Reconnector does not reach it (quiet). */
public class UnusedEagerReconnector implements Reconnector {
    private final DeviceClient client = new DeviceClient(System.getenv("IOTHUB_CS"), IotHubClientProtocol.MQTT);

    @Override
    public void reconnect() throws Exception {
        client.open(true);
    }
}
