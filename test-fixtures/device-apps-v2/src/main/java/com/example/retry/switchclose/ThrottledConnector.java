package com.example.retry.switchclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Backs off by the hub's status code; each way through the switch closes the failed client. */
public class ThrottledConnector {
    private final DeviceClient client;

    public ThrottledConnector(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws InterruptedException {
        while (true) {
            try {
                // quiet: every arm of the switch expression in the catch closes the failed client first
                client.open(true);
                return;
            } catch (IotHubClientException e) {
                long pauseMillis = switch (e.getStatusCode()) {
                    case THROTTLED, SERVER_BUSY -> {
                        client.close();
                        yield 30_000L;
                    }
                    case UNAUTHORIZED -> throw new IllegalStateException("device not authorized", e);
                    default -> {
                        client.close();
                        yield 2_000L;
                    }
                };
                Thread.sleep(pauseMillis);
            }
        }
    }

    public void reconnectAfterOutage() throws InterruptedException {
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                return;
            } catch (IotHubClientException e) {
                switch (e.getStatusCode()) {
                    case THROTTLED:
                        client.close();
                        Thread.sleep(30_000L);
                        break;
                    case SERVER_BUSY:
                        client.close();
                        Thread.sleep(5_000L);
                        break;
                }
            }
        }
    }
}
