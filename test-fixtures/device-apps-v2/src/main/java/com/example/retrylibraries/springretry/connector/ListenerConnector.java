package com.example.retrylibraries.springretry.connector;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.annotation.Retryable;

/** The close lives in a listener referenced by bean name only. */
public class ListenerConnector {

    private final DeviceClient client;

    public ListenerConnector(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    @Retryable(retryFor = IotHubClientException.class, maxAttempts = 4, listeners = "closeClientOnError")
    public void connect() throws IotHubClientException {
        // "bean-name listeners do not count"
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
    }

    void disconnect() {
        client.close();
    }

    /** Registered as bean "closeClientOnError" in the application context. */
    public static class CloseClientOnError implements RetryListener {
        private final ListenerConnector connector;

        public CloseClientOnError(ListenerConnector connector) {
            this.connector = connector;
        }

        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
            connector.disconnect();
        }
    }
}
