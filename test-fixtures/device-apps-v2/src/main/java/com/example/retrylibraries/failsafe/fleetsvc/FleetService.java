package com.example.retrylibraries.failsafe.fleetsvc;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Vehicle telematics service: Failsafe-based reconnects from a callback and from a timer. */
public class FleetService {

    private final DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final RetryPolicy<Object> policy;

    public FleetService(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        policy = RetryPolicy.builder()
                .handle(IotHubClientException.class)
                .withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1))
                .withMaxRetries(-1)
                .onRetry(e -> client.close())
                .build();
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                reconnectAsync();
            }
        }, null);
    }

    CompletableFuture<DeviceClient> reconnectAsync() {
        return Failsafe.with(policy).with(scheduler).getAsync(() -> {
            // quiet: guarded callback, getAsync is a hand-off for status-callback code, and the policy field's onRetry closes between attempts
            client.open(false);
            return client;
        });
    }

    public void start() throws IotHubClientException {
        client.open(false);
        new Odometer(System.getenv("ODOMETER_CS")).start();
        new TirePressure(System.getenv("TPMS_CS")).start();
    }

    public static void main(String[] args) throws IotHubClientException {
        new FleetService(System.getenv("FLEET_CS")).start();
    }
}

/** Timer recovery: closes first, then retries the open with a policy that never closes between attempts. */
class Odometer {

    private final DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RetryPolicy<Object> policy = RetryPolicy.builder()
            .withDelay(Duration.ofSeconds(5))
            .withMaxRetries(5)
            .build();
    private volatile long lastAckMillis = System.currentTimeMillis();

    Odometer(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    void start() throws IotHubClientException {
        client.open(false);
        scheduler.scheduleWithFixedDelay(this::recover, 2, 2, TimeUnit.MINUTES);
    }

    private void recover() {
        if (System.currentTimeMillis() - lastAckMillis < 300_000) {
            return;
        }
        client.close();
        // check 1 exempt by (a): the attempt "belongs to the method that creates it" (recover), which closed the client first; but nothing closes between attempts
        // expect: IotHubOpenRetryWithoutClose
        Failsafe.with(policy).run(() -> client.open(false));
        lastAckMillis = System.currentTimeMillis();
    }
}

/** Hands a close-recreate-open off on every status change. */
class TirePressure {

    private final String connectionString;
    private final RetryPolicy<Object> policy = RetryPolicy.builder()
            .withDelay(Duration.ofSeconds(2))
            .withMaxRetries(3)
            .build();
    private volatile DeviceClient client;

    TirePressure(String connectionString) {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(ctx -> Failsafe.with(policy).runAsync(() -> {
            client.close();
            // quiet (check 4): "Assignments inside a retry construct are check 2's", and the previous client is closed first
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            // "on every status change ... whatever the handed-off code does first": no guard, no exemption on a status-callback path
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        }), null);
        client.open(false);
    }
}
