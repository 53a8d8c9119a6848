package com.example.retry.switchclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

/** Backs off more on every failure; each way through the switch closes the failed client. */
public class ThrottledConnector {
    private final DeviceClient client;

    public ThrottledConnector(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void connect() throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            try {
                // quiet: every case of the switch in the catch closes the failed client first
                client.open();
                return;
            } catch (IOException e) {
                switch (++failures) {
                    case 1:
                    case 2:
                        client.closeNow();
                        Thread.sleep(2_000L);
                        break;
                    case 10:
                        throw e;
                    default:
                        client.closeNow();
                        Thread.sleep(30_000L);
                }
            }
        }
    }

    public void reconnectAfterOutage() throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                return;
            } catch (IOException e) {
                switch (++failures) {
                    case 1 -> client.closeNow();
                    case 2 -> {
                        client.closeNow();
                        Thread.sleep(2_000L);
                    }
                }
            }
        }
    }
}
