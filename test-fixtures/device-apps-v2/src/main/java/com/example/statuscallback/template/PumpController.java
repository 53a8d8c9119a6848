package com.example.statuscallback.template;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** openClient() is the Failsafe attempt (method reference this::openClient in the base class). */
class PumpController extends ManagedDevice {

    private final DeviceClient client;

    PumpController(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    protected void openClient() throws IotHubClientException {
        // the close in the handed-off task runs once before the whole retry, not between attempts; guarded path, so check 1 is quiet and no check 3 (hand-off)
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
    }

    @Override
    protected void closeClient() {
        client.close();
    }
}

/** Same template, but each attempt closes first. */
class ValveController extends ManagedDevice {

    private final DeviceClient client;

    ValveController(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    protected void openClient() throws IotHubClientException {
        client.close();
        // quiet: closed "before the open() in the same iteration" of the Failsafe attempt
        client.open(false);
    }

    @Override
    protected void closeClient() {
        client.close();
    }
}
