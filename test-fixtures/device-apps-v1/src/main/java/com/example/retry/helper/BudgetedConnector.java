package com.example.retry.helper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;

/** Hands each failed open() to a retry budget in another class, which decides whether and how to try again. */
public final class BudgetedConnector {
    private final DeviceClient client;
    private final RetryBudget budget = new RetryBudget();

    public BudgetedConnector(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void connect() {
        try {
            // quiet: the budget closes this client (disconnect()) before it calls connect() again
            client.open();
        } catch (IOException e) {
            budget.retry(this);
        }
    }

    void connectAgain() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            budget.retryWithoutClose(this);
        }
    }

    void disconnect() throws IOException {
        client.closeNow();
    }
}
