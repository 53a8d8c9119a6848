package com.example.retrylibraries.resilience4j.shelf;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import io.github.resilience4j.retry.Retry;

/** Parking bay sensor: the connect attempt it retries depends on whether it may keep the old client. */
public class ParkingSensor {
    private final Retry retry = Retry.ofDefaults("parking");
    private final String connectionString;
    private DeviceClient client;

    public ParkingSensor(String connectionString) {
        this.connectionString = connectionString;
    }

    public void start(boolean tidy) {
        Runnable connect = tidy
                ? Retry.decorateRunnable(retry, this::reopenTidy)
                : Retry.decorateRunnable(retry, this::reopenKeepingOld);
        connect.run();
    }

    private void reopenTidy() {
        try {
            if (client != null) {
                client.close();
            }
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            // quiet: the previous attempt's client is closed before the next one is created
            client.open(false);
        } catch (IotHubClientException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reopenKeepingOld() {
        try {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            throw new IllegalStateException(e);
        }
    }
}
