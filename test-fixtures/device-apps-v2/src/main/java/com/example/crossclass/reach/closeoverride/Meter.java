package com.example.crossclass.reach.closeoverride;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

public class Meter extends ResilientBase {
    private final DeviceClient client;

    public Meter(String connectionString) {
        super(2_000);
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    protected void openClient() throws IotHubClientException {
        // quiet: check 2 - the base class's catch calls closeClient() on this, which "touch[es] the subclass's this.client": closed between attempts
        client.open(false);
    }

    @Override
    protected void closeClient() {
        client.close();
    }
}
