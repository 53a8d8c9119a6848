package com.example.crossclass.reach.callbackdefault;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Bench-test double; not created anywhere in this module. */
public class SimulatedGateway implements ReconnectingStatusCallback {
    private final DeviceClient client;

    public SimulatedGateway(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    @Override
    public void restartLink() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            System.err.println("simulated restart failed: " + e.getMessage());
        }
    }
}
