package com.example.crossclass.reach.methodops;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;

/** Device operations invoked by cloud direct methods (MethodHandler, another file). */
public class Ops {
    private DeviceClient client;

    public Ops(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    DeviceClient client() {
        return client;
    }

    /** Start-up: one immediate second try. */
    void connect() throws IOException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException first) {
            // quiet: "In try { c.open(); } catch (…) { c.open(); } the finding is on the first open()"; connect() is start-up code (Main only)
            client.open();
        }
    }

    /** Direct method "reconnect". */
    void reconnect() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    /** Direct method "swapIdentity": move to a new connection string. */
    void swapIdentity(String connectionString) throws IOException, URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        // quiet: check 1 exemption (b) - the client was created earlier in the same method (replacing the old one is check 4's question)
        client.open();
    }

    /** Direct method "probe": one test message over a separate identity (the probe client is never closed). */
    void probe(String probeConnectionString) throws IOException, URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient probe = new DeviceClient(probeConnectionString, IotHubClientProtocol.AMQPS);
        // quiet: check 1 exemption (b) - created earlier in the same method; the finding is check 4(d) at the declaration
        probe.open();
        probe.sendEventAsync(new Message("probe"), (status, context) -> {}, null);
    }
}
