package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

/** One device of the multiplexed gateway; its open/close are called by LinkManager (quiet). */
public class TelemetryLink extends LinkManager {
    private final DeviceClient client;

    public TelemetryLink(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    protected void openClient() throws Exception {
        client.open(true);
    }

    @Override
    protected void closeClient() {
        client.close();
    }

    public void send(String json) {
        client.sendEventAsync(new Message(json), (sent, exception, context) -> { }, null);
    }
}
