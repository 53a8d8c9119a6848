package com.example.retry.closinghelper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Each round calls connect(), which closes and then calls the method that opens: one call above the open(). */
class Uplink {
    private final DeviceClient client;

    Uplink(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    private void openLink() throws IotHubClientException {
        // quiet: connect() closes the failed attempt's client before it calls this, every round
        client.open(false);
    }

    private void connect() throws IotHubClientException {
        client.close();
        openLink();
    }

    void start() throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                connect();
                break;
            } catch (IotHubClientException e) {
                Thread.sleep(attempt * 2_000L);
            }
        }
    }
}
