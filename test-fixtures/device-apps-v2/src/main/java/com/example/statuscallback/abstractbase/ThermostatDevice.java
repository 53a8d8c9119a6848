package com.example.statuscallback.abstractbase;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

public class ThermostatDevice extends ReconnectingDevice {
    private final DeviceClient client;

    ThermostatDevice(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
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

    public static void main(String[] args) throws Exception {
        ThermostatDevice device = new ThermostatDevice(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        device.connect();
        Thread.sleep(Long.MAX_VALUE);
        device.shutdown();
    }
}
