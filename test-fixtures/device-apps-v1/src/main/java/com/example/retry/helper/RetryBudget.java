package com.example.retry.helper;

import java.io.IOException;

/**
 * Counts attempts for a connector whose open() failed: closes the failed link, then calls the connector back. The
 * careless variant calls back without the close.
 */
final class RetryBudget {
    private int remaining = 5;

    void retry(BudgetedConnector connector) {
        if (remaining-- <= 0) {
            return;
        }
        try {
            Thread.sleep(2_000);
            connector.disconnect();
        } catch (InterruptedException | IOException e) {
            return;
        }
        connector.connect();
    }

    void retryWithoutClose(BudgetedConnector connector) {
        if (remaining-- > 0) {
            connector.connectAgain();
        }
    }
}
