package com.example.retrylibraries.failsafe.uplink;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.Failsafe;
import dev.failsafe.Fallback;
import dev.failsafe.RetryPolicy;

import java.time.Duration;

/**
 * Telemetry gateway: a fallback composed with a retry policy around the first open.
 * The policy has no listener and the attempt does not close the client first.
 */
public class TelemetryGateway {

    private final DeviceClient client;
    private final RetryPolicy<Object> retryPolicy = RetryPolicy.builder()
            .handle(IotHubClientException.class)
            .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
            .withMaxRetries(8)
            .build();
    private final Fallback<Object> fallback = Fallback.of(() -> System.err.println("hub unreachable, running offline"));

    public TelemetryGateway(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    public void start() {
        // with(fallback, retryPolicy): a with(...) argument is a RetryPolicy -> retry construct; nothing closes between attempts
        Failsafe.with(fallback, retryPolicy).run(() ->
                // expect: IotHubOpenRetryWithoutClose
                client.open(false));
    }

    public void publish(String json) throws InterruptedException, IotHubClientException {
        client.sendEvent(new Message(json));
    }

    public static void main(String[] args) throws Exception {
        String cs = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
        TelemetryGateway gateway = new TelemetryGateway(cs);
        gateway.start();
        new MetricsUplink(System.getenv("METRICS_CS")).start();
        new AlarmUplink(System.getenv("ALARM_CS")).start();
        new StatusBeacon(System.getenv("BEACON_CS")).start();
        gateway.publish("{\"boot\":true}");
    }
}
