package com.example.crossclass.reach.earliercreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** The 2.x client is not AutoCloseable: the app wraps it, one session per heartbeat. */
public class HubSession implements AutoCloseable {
    private final DeviceClient client;

    public HubSession(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void connect() throws IotHubClientException {
        // quiet: every caller constructs the session, and so its client, just before (exemption b)
        client.open(true);
    }

    public void send(String json) throws IotHubClientException, InterruptedException {
        client.sendEvent(new Message(json));
    }

    @Override
    public void close() {
        client.close();
    }
}
