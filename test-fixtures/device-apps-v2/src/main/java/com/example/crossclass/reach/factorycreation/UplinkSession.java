package com.example.crossclass.reach.factorycreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** A session made only by {@link SessionFactory}: its client is made with it. */
public class UplinkSession implements AutoCloseable {
    private final DeviceClient client;

    UplinkSession(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws IotHubClientException {
        // quiet: the factory every caller gets the session from constructs it, and so its client (exemption b)
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
