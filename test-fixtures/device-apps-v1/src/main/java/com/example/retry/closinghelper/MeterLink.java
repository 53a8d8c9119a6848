package com.example.retry.closinghelper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** The base link opens; it retries its own connect(), which a subclass may override. */
class MeterLink {
    protected final DeviceClient client;

    MeterLink(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    protected void connect() throws IOException {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
    }

    /** connect() here also names MeterLink's own body, which does not close: that way down retries unclosed. */
    void connectWithRetries() throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                connect();
                return;
            } catch (IOException e) {
                Thread.sleep(attempt * 2_000L);
            }
        }
    }
}
