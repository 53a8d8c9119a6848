package com.example.crossclass.reach.earliercreation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** Start-up retries that make each attempt's client through a helper. */
public class StartupConnector {
    private final String connectionString;
    private DeviceClient client;

    public StartupConnector(String connectionString) {
        this.connectionString = connectionString;
    }

    private void recreateClient() throws IOException, URISyntaxException {
        if (client != null) {
            client.closeNow();
        }
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    private void newClient() throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws InterruptedException, URISyntaxException {
        for (int attempt = 1; ; attempt++) {
            try {
                recreateClient();
                // quiet: the helper closes the failed attempt's client before making the next one
                client.open();
                return;
            } catch (IOException e) {
                Thread.sleep(1_000L * attempt);
            }
        }
    }

    public void connectFallback() throws InterruptedException, URISyntaxException {
        for (int attempt = 1; ; attempt++) {
            try {
                newClient();
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                return;
            } catch (IOException e) {
                Thread.sleep(1_000L * attempt);
            }
        }
    }
}
