package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;

/** An edge module that connects through a Resilience4j Retry from its registry. */
public class Resilience4jConnector
{
    private final RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
        .maxAttempts(10)
        .waitDuration(Duration.ofSeconds(2))
        .retryExceptions(IotHubClientException.class)
        .build());
    private final Retry retry = registry.retry("iothub");
    private final Retry closingRetry = registry.retry("iothub-closing");
    private final DeviceClient client;
    private final DeviceClient twinClient;

    public Resilience4jConnector(String connectionString)
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        twinClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        closingRetry.getEventPublisher().onRetry(event -> twinClient.close());
    }

    /** Bug: the decorated attempt reopens without a close. */
    public void connect() throws Throwable
    {
        // expect: IotHubOpenRetryWithoutClose
        CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> client.open(true));
        connect.run();
    }

    /** Bug: the same, run in place. */
    public boolean reconnect() throws Throwable
    {
        return retry.executeCheckedSupplier(() -> {
            // expect: IotHubOpenRetryWithoutClose
            client.open(true);
            return true;
        });
    }

    /** Correct: the retry's event consumer closes the failed client. */
    public void connectTwin() throws Throwable
    {
        closingRetry.executeCheckedSupplier(() -> {
            twinClient.open(true);
            return true;
        });
    }
}
