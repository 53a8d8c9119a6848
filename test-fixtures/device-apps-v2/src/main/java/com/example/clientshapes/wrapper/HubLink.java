package com.example.clientshapes.wrapper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.net.URISyntaxException;

/** Project wrapper around a DeviceClient; configured through -XepOpt:IotHub:ClientTypes. */
public class HubLink implements AutoCloseable {
    private final DeviceClient client;

    public HubLink(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void open() throws IotHubClientException {
        client.open(false);
    }

    @Override
    public void close() {
        client.close();
    }

    public void onStatus(IotHubConnectionStatusChangeCallback callback) {
        client.setConnectionStatusChangeCallback(callback, this);
    }

    public void onMessage(MessageCallback callback) {
        client.setMessageCallback(callback, this);
    }

    public void send(String payload) {
        client.sendEventAsync(new Message(payload), null, null);
    }
}
