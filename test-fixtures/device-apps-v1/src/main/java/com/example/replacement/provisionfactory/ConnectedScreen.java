package com.example.replacement.provisionfactory;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * An app screen whose Connect button connects on a background thread through a factory (1.x). The factory's local
 * starts empty and gets its client inside a try: every return is still a new client, so the button's store replaces
 * the screen's client without closing the one it had.
 */
public class ConnectedScreen {
    private DeviceClient client;

    public void onConnectClicked(String connectionString) {
        new Thread(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = ClientConnector.connect(connectionString);
                client.open();
            } catch (IOException | URISyntaxException e) {
                System.err.println("connect failed: " + e.getMessage());
            }
        }).start();
    }

    public void onDisconnectClicked() throws IOException {
        if (client != null) {
            client.closeNow();
        }
    }
}

/** Creates and opens a client; the caller owns it. */
final class ClientConnector {
    private ClientConnector() {
    }

    static DeviceClient connect(String connectionString) throws IOException, URISyntaxException {
        DeviceClient fresh = null;
        try {
            fresh = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            fresh.open();
            return fresh;
        } catch (IOException e) {
            if (fresh != null) {
                fresh.closeNow();
            }
            throw e;
        }
    }
}
