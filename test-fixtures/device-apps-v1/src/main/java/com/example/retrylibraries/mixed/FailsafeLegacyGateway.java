package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import net.jodah.failsafe.Failsafe;
import net.jodah.failsafe.RetryPolicy;

/** A legacy gateway on Failsafe 2.x: mutable policies, listeners registered after construction. */
public class FailsafeLegacyGateway
{
    private final DeviceClient upstream;
    private final DeviceClient telemetry;
    private final RetryPolicy<Object> retryPolicy = new RetryPolicy<>()
        .handle(IOException.class)
        .withBackoff(1, 30, ChronoUnit.SECONDS)
        .withMaxRetries(-1);
    private final RetryPolicy<Object> closingPolicy = new RetryPolicy<>().withDelay(Duration.ofSeconds(5));

    public FailsafeLegacyGateway(String connectionString) throws URISyntaxException
    {
        upstream = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        closingPolicy.onFailedAttempt(event -> telemetry.closeNow());
    }

    /** Bug: the failed client is reopened on every retry without a close. */
    public void start()
    {
        Failsafe.with(retryPolicy).run(() -> {
            // expect: IotHubOpenRetryWithoutClose
            upstream.open();
        });
    }

    /** Bug: the async form, the same way. */
    public void startAsync()
    {
        // expect: IotHubOpenRetryWithoutClose
        Failsafe.with(retryPolicy).runAsync(() -> upstream.open());
    }

    /** Correct: the policy's listener closes the client between attempts. */
    public void startTelemetry()
    {
        Failsafe.with(closingPolicy).run(() -> telemetry.open());
    }
}
