package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vavr.CheckedRunnable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.time.Duration;

/** A device agent on Resilience4j 1.x, whose checked functions are Vavr's. */
public class Resilience4jLegacyConnector
{
    private final Retry retry = Retry.of("iothub", RetryConfig.custom()
        .maxAttempts(5)
        .waitDuration(Duration.ofSeconds(2))
        .build());
    private final Retry once = Retry.of("once", RetryConfig.custom().maxAttempts(1).build());
    private final DeviceClient client;

    public Resilience4jLegacyConnector(String connectionString) throws URISyntaxException
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    /** Bug: the decorated attempt reopens without a close. */
    public void connect() throws Throwable
    {
        CheckedRunnable connect = Retry.decorateCheckedRunnable(retry, () -> {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        });
        connect.run();
    }

    /** Bug: a Runnable attempt cannot throw; the fix's close sits inside its try. */
    public void connectQuietly()
    {
        retry.executeRunnable(() -> {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
            }
            catch (IOException e)
            {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Correct: a single attempt is no retry. */
    public void connectOnce() throws Throwable
    {
        once.executeCheckedSupplier(() -> {
            client.open();
            return true;
        });
    }
}
