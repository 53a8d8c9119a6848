package com.example.statuscallback.abstractbase;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Never instantiated, but a call on `this` in the supertype reaches "each subtype's override, instantiated or not". */
public class LegacyThermostat extends ReconnectingDevice {
    private final DeviceClient client;

    LegacyThermostat(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    @Override
    protected DeviceClient client() {
        return client;
    }

    @Override
    protected void openClient() throws IotHubClientException {
        // expect: IotHubReconnectOnCallbackThread
        client.open(false);
    }

    @Override
    protected void closeClient() {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
    }
}
