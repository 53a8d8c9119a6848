package com.example.recreation.factoryinterface;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** The factory the controller uses: a new client each time. */
public class SasZoneClientFactory implements ZoneClientFactory {
    @Override
    public DeviceClient create(String connectionString) {
        return new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }
}
