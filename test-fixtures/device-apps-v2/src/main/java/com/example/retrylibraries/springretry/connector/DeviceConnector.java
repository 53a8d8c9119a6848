package com.example.retrylibraries.springretry.connector;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

/** Spring bean whose connect() is retried by Spring Retry's proxy. */
public class DeviceConnector {

    private final DeviceClient client;

    public DeviceConnector(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Retryable(retryFor = IotHubClientException.class, maxAttempts = 5, backoff = @Backoff(delay = 2000, multiplier = 2))
    public void connect() throws IotHubClientException {
        // @Retryable called as connector.connect() from GatewayStartup (receiver is not this): one round of a retry, nothing closes
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
    }

    public DeviceClient client() {
        return client;
    }
}
