package com.example.crossclass.reach.sendcatch;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

public class ClientFactory {
    private final String connectionString;

    public ClientFactory(String connectionString) {
        this.connectionString = connectionString;
    }

    /** Every return is a new client: a call to create() counts as a creation. */
    public DeviceClient create() {
        ClientOptions options = ClientOptions.builder().keepAliveInterval(60).build();
        return new DeviceClient(connectionString, IotHubClientProtocol.MQTT, options);
    }
}
