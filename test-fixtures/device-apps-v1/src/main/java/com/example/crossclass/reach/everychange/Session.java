package com.example.crossclass.reach.everychange;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;

public class Session {
    private final String connectionString;
    private final IotHubConnectionStatusChangeCallback statusCallback;
    private volatile DeviceClient client;

    public Session(String connectionString, IotHubConnectionStatusChangeCallback statusCallback)
            throws URISyntaxException {
        this.connectionString = connectionString;
        this.statusCallback = statusCallback;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        this.client.registerConnectionStatusChangeCallback(statusCallback, this);
    }

    public void open() throws IOException {
        // quiet: single start-up open
        client.open();
    }

    /** Close, recreate, open. Run by the status callback's executor and after a failed send. */
    public void recreate() {
        try {
            client.closeNow();
            // quiet: check 4(a) - the previous client is closed before the assignment
            client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
            client.registerConnectionStatusChangeCallback(statusCallback, this);
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println("recreate failed: " + e.getMessage());
        }
    }

    public void send(String payload) {
        try {
            client.sendEventAsync(new Message(payload), (status, ctx) -> {}, null);
        } catch (IllegalStateException e) {
            recreate();
        }
    }
}
