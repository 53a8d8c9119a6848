package com.example.crossclass.reach.retrylibs;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.retry.support.RetryTemplate;

import java.time.Duration;

/** Downlink clients connected through Resilience4j and Spring's RetryTemplate. */
public class Resilience {
    private final DeviceClient commands;
    private final DeviceClient telemetry;
    private final DeviceClient twin;

    public Resilience(String commandsCs, String telemetryCs, String twinCs) {
        commands = new DeviceClient(commandsCs, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(telemetryCs, IotHubClientProtocol.AMQPS);
        twin = new DeviceClient(twinCs, IotHubClientProtocol.MQTT);
    }

    void connectCommands() {
        Retry retry = Retry.of("commands-open", RetryConfig.custom()
                .maxAttempts(4)
                .waitDuration(Duration.ofSeconds(3))
                .build());
        CheckedRunnable attempt = Retry.decorateCheckedRunnable(retry, () -> {
            // expect: IotHubOpenRetryWithoutClose
            commands.open(false);
        });
        try {
            attempt.run();
        } catch (Throwable t) {
            System.err.println("commands never connected: " + t.getMessage());
        }
    }

    void connectTelemetry() {
        Retry retry = Retry.of("telemetry-open", RetryConfig.custom().maxAttempts(4).build());
        retry.getEventPublisher().onRetry(event -> telemetry.close());
        try {
            retry.executeCheckedSupplier(() -> {
                // quiet: check 2 - close in the Resilience4j retry event listener of the same local `retry` that runs the attempt
                telemetry.open(false);
                return null;
            });
        } catch (Throwable t) {
            System.err.println("telemetry never connected: " + t.getMessage());
        }
    }

    void connectTwin() throws Exception {
        RetryTemplate template = RetryTemplate.builder()
                .maxAttempts(5)
                .fixedBackoff(2_000)
                .build();
        template.execute(context -> {
            // expect: IotHubOpenRetryWithoutClose
            twin.open(false);
            return null;
        });
    }
}
