package com.example.replacement.provisionfactory;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/**
 * An app screen whose Connect button provisions and connects on a background thread through a factory that creates
 * and opens a fresh client. The factory's local starts empty and gets its client inside a try: every return is
 * still a new client, so the button's store replaces the screen's client without closing the one it had.
 */
public class ConnectedScreen {
    private DeviceClient client;

    public void onConnectClicked(String connectionString) {
        new Thread(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = ProvisioningConnector.connect(connectionString);
                client.open(true);
            } catch (IotHubClientException e) {
                System.err.println("connect failed: " + e.getMessage());
            }
        }).start();
    }

    public void onDisconnectClicked() {
        if (client != null) {
            client.close();
        }
    }
}

/** Creates and opens a client; the caller owns it. */
final class ProvisioningConnector {
    private ProvisioningConnector() {
    }

    static DeviceClient connect(String connectionString) throws IotHubClientException {
        DeviceClient fresh = null;
        try {
            fresh = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            fresh.open(false);
            return fresh;
        } catch (IotHubClientException e) {
            if (fresh != null) {
                fresh.close();
            }
            throw e;
        }
    }
}
