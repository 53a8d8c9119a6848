package com.example.retry.provisioning;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Start-up retries that provision the device before each attempt. The provisioning failure has a checked exception
 * of its own, thrown before the client exists: its catch is not on the path of a failed open().
 */
public class ProvisionedConnector {
    /** What the provisioning service step throws. */
    public static class ProvisioningException extends Exception {
        public ProvisioningException(String message) {
            super(message);
        }
    }

    private final String registrationId;
    private boolean clientConnected;

    public ProvisionedConnector(String registrationId) {
        this.registrationId = registrationId;
    }

    private String provision() throws ProvisioningException {
        String connectionString = System.getenv("DEVICE_CONNECTION_STRING_" + registrationId);
        if (connectionString == null) {
            throw new ProvisioningException("not registered yet: " + registrationId);
        }
        return connectionString;
    }

    public void connect() throws URISyntaxException {
        while (!clientConnected) {
            DeviceClient client = null;
            try {
                String connectionString = provision();
                client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                // quiet: the only catch a failed open() reaches closes the client
                client.open();
                clientConnected = true;
            } catch (ProvisioningException e) {
                System.err.println("provisioning failed: " + e.getMessage());
            } catch (IOException e) {
                if (client != null) {
                    try {
                        client.closeNow();
                    } catch (IOException closing) {
                        System.err.println("close failed: " + closing.getMessage());
                    }
                }
            }
        }
    }

    public void connectLoosely() {
        while (!clientConnected) {
            try {
                DeviceClient client = new DeviceClient(provision(), IotHubClientProtocol.AMQPS);
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                clientConnected = true;
            } catch (Exception e) {
                System.err.println("failed: " + e.getMessage());
            }
        }
    }
}
