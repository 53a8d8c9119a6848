package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/** A field gateway that hands its connects to Failsafe, the way gateway code does. */
public class FailsafeGateway
{
    private static final Logger LOG = Logger.getLogger(FailsafeGateway.class.getName());

    private final DeviceClient upstream;
    private final DeviceClient telemetry;
    private final DeviceClient commands;
    private final RetryPolicy<Object> retryPolicy = RetryPolicy.builder()
        .handle(IotHubClientException.class)
        .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
        .withMaxRetries(-1)
        .onRetry(event -> LOG.warning("connect failed, attempt " + event.getAttemptCount()))
        .build();
    private final RetryPolicy<Object> closingPolicy = RetryPolicy.builder()
        .withDelay(Duration.ofSeconds(5))
        .onFailedAttempt(event -> closeCommands())
        .build();

    public FailsafeGateway(String connectionString)
    {
        upstream = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        commands = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
    }

    /** Bug: the failed client is reopened on every retry without a close. */
    public void start()
    {
        // expect: IotHubOpenRetryWithoutClose
        Failsafe.with(retryPolicy).run(() -> upstream.open(true));
    }

    /** Bug, in the pool: the async form retries the same way. */
    public CompletableFuture<Void> startTelemetry()
    {
        return Failsafe.with(retryPolicy).runAsync(() -> {
            LOG.info("connecting telemetry");
            // expect: IotHubOpenRetryWithoutClose
            telemetry.open(true);
        });
    }

    /** Correct: each attempt closes what the failed one left behind. */
    public void restartUpstream()
    {
        Failsafe.with(retryPolicy).run(() -> {
            upstream.close();
            upstream.open(true);
        });
    }

    /** Correct: the policy's own listener closes the client between attempts. */
    public void startCommands()
    {
        Failsafe.with(closingPolicy).run(() -> commands.open(true));
    }

    private void closeCommands()
    {
        commands.close();
    }
}
