package com.example.handoff.executorreconnect;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** Owns the client; the status callback lives in another class (StatusHandler). */
public class ConnectionManager {
    private final DeviceClient client;

    ConnectionManager(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
    }

    DeviceClient client() {
        return client;
    }

    void connect() throws IOException {
        // quiet: start-up code, a single open
        client.open();
    }

    void reconnect() {
        try {
            // quiet: runs on an executor thread, not the callback thread
            client.closeNow();
            // quiet: "A method every call or hand-off of which from a re-entry site is dominated by a guard is itself guarded; calls from start-up code do not count"
            client.open();
        } catch (IOException e) {
            System.out.println("reconnect failed: " + e.getMessage());
        }
    }

    void disconnect() throws IOException {
        client.closeNow();
    }
}
