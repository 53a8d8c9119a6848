package com.example.replacement.shadow;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Locals that share the name of the client field. */
public class ShadowingGateway {
    private final String cs;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private DeviceClient client;

    public ShadowingGateway(String cs) {
        this.cs = cs;
    }

    /** Meant to set the field; the field stays null and this client is never closed. */
    public void connect() throws IOException, URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.open();
    }

    /** Local with the field's name, opened, then stored into the field: it did mean the field. */
    public void connectAndStore() throws IOException, URISyntaxException {
        DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.open();
        this.client = client;
    }

    /** A same-named local that is never opened (just a snapshot for a null-safe close). */
    public void disconnect() throws IOException {
        DeviceClient client = this.client;
        if (client != null) {
            client.closeNow();
        }
    }

    /** A differently named local at start-up, closed at the end: nothing to report. */
    public void selfTest() throws IOException, URISyntaxException {
        DeviceClient probe = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        try {
            probe.open();
            probe.sendEventAsync(new Message("self-test"), null, null);
        } finally {
            probe.closeNow();
        }
    }

    /** Inside an anonymous Runnable on an executor: same name as the outer class's field. */
    public void reconnectLater() {
        pool.submit(new Runnable() {
            @Override
            public void run() {
                try {
                    // expect: IotHubClientReplacedWithoutClose
                    DeviceClient client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    client.open();
                    client.sendEventAsync(new Message("reconnected"), null, null);
                } catch (IOException | URISyntaxException e) {
                    System.err.println(e);
                }
            }
        });
    }

    public void send(String body) {
        client.sendEventAsync(new Message(body), null, null);
    }
}
