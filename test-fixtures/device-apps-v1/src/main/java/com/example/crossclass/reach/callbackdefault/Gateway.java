package com.example.crossclass.reach.callbackdefault;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

public class Gateway implements ReconnectingStatusCallback {
    private final DeviceClient client;

    public Gateway(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    public void connect() throws IOException {
        // quiet: single start-up open; connect() is not callback code although Gateway implements the callback interface
        client.open();
    }

    @Override
    public void restartLink() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            System.err.println("restart failed: " + e.getMessage());
        }
    }

    public void disconnect() throws IOException {
        // quiet: check 3 - Main calls disconnect(); only execute(...) and what it calls synchronously is callback code
        client.closeNow();
    }
}
