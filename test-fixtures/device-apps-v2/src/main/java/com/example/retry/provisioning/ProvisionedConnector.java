package com.example.retry.provisioning;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

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

    public DeviceClient connect() throws InterruptedException {
        while (true) {
            DeviceClient client = null;
            try {
                String connectionString = provision();
                client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                // quiet: the only catch a failed open() reaches closes the client
                client.open(true);
                return client;
            } catch (ProvisioningException e) {
                Thread.sleep(10_000);
            } catch (IotHubClientException e) {
                if (client != null) {
                    client.close();
                }
            }
        }
    }

    public DeviceClient connectLoosely() throws InterruptedException {
        while (true) {
            try {
                String connectionString = provision();
                DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                return client;
            } catch (Exception e) {
                Thread.sleep(10_000);
            }
        }
    }
}
