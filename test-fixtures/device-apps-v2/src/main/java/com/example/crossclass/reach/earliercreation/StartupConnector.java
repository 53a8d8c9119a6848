package com.example.crossclass.reach.earliercreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Start-up retries that make each attempt's client through a helper. */
public class StartupConnector {
    private final String connectionString;
    private DeviceClient client;

    public StartupConnector(String connectionString) {
        this.connectionString = connectionString;
    }

    private void recreateClient() {
        if (client != null) {
            client.close();
        }
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    private void newClient() {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws InterruptedException {
        while (true) {
            try {
                recreateClient();
                // quiet: the helper closes the failed attempt's client before making the next one
                client.open(true);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(5_000);
            }
        }
    }

    public void connectFallback() throws InterruptedException {
        while (true) {
            try {
                newClient();
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(5_000);
            }
        }
    }
}
