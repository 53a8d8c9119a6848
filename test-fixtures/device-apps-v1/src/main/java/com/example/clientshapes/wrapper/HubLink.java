package com.example.clientshapes.wrapper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import java.io.IOException;
import java.net.URISyntaxException;

/** Project wrapper around a DeviceClient; configured through -XepOpt:IotHub:ClientTypes. */
public class HubLink implements AutoCloseable {
    private final DeviceClient client;

    public HubLink(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void open() throws IOException {
        client.open();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    public void onStatus(IotHubConnectionStatusChangeCallback callback) {
        client.registerConnectionStatusChangeCallback(callback, this);
    }

    public void onMessage(MessageCallback callback) {
        client.setMessageCallback(callback, this);
    }

    public void send(String payload) {
        client.sendEventAsync(new Message(payload), null, null);
    }
}
