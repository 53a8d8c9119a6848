package com.example.retrylibraries.springretry.connector;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;

/** RetryTemplate users. */
public class TemplateConnectors {

    /** The template's own RetryListener.onError closes the client between attempts. */
    public static class TemplateConnector {
        private final DeviceClient client;
        private final RetryTemplate retryTemplate = new RetryTemplate();

        public TemplateConnector(String connectionString) {
            this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            retryTemplate.registerListener(new RetryListener() {
                @Override
                public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable throwable) {
                    client.close();
                }
            });
        }

        public void connect() throws IotHubClientException {
            retryTemplate.execute((RetryCallback<Void, IotHubClientException>) ctx -> {
                // quiet: "Spring's RetryListener.onError counts as a close between attempts if attached to the same local or field that runs the attempt" (field retryTemplate)
                client.open(false);
                return null;
            });
        }
    }

    /** Built template without listener; the recovery callback only runs after the last attempt. */
    public static class BuilderConnector {
        private final DeviceClient client;

        public BuilderConnector(String connectionString) {
            this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
        }

        public void connect() throws IotHubClientException {
            RetryTemplate template = RetryTemplate.builder()
                    .maxAttempts(4)
                    .exponentialBackoff(1000, 2, 30000)
                    .retryOn(IotHubClientException.class)
                    .build();
            template.execute((RetryCallback<Void, IotHubClientException>) ctx -> {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                return null;
            }, exhausted -> {
                client.close();
                return null;
            });
        }
    }
}
