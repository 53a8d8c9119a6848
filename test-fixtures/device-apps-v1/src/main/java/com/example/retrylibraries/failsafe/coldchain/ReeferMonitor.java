package com.example.retrylibraries.failsafe.coldchain;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import net.jodah.failsafe.Failsafe;
import net.jodah.failsafe.RetryPolicy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;

/** 1.x status callbacks that reconnect through Failsafe 2.x. */
class ReeferMonitor {

    private final DeviceClient client;
    private final RetryPolicy<Object> policy = new RetryPolicy<>()
            .handle(IOException.class)
            .withBackoff(2, 120, java.time.temporal.ChronoUnit.SECONDS)
            .withMaxRetries(-1);

    ReeferMonitor(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object ctx) {
                if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                    Failsafe.with(policy).runAsync(() -> {
                        // quiet (check 3): Failsafe runAsync is a hand-off for status-callback code
                        client.closeNow();
                        // quiet: DISCONNECTED guard, "equality with one other reason (== RETRY_EXPIRED)" excludes CLIENT_CLOSE, close before open
                        client.open();
                    });
                }
            }
        }, null);
    }

    void start() throws IOException {
        // quiet: "Never report a single start-up open() (one that no retry construct re-attempts)"
        client.open();
    }
}

/** Reconnects on anything but CONNECTED, synchronously through Failsafe. */
class DoorSensor {

    private final DeviceClient client;
    private final RetryPolicy<Object> policy = new RetryPolicy<>()
            .handle(IOException.class)
            .withDelay(Duration.ofSeconds(1))
            .withMaxRetries(3);

    DoorSensor(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, throwable, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                // checks 1, 2 and 3 all match this open(); "only the first" is reported
                // expect: IotHubOpenWithoutStatusGuard
                Failsafe.with(policy).run(() -> client.open());
            }
        }, null);
    }

    void start() throws IOException {
        client.open();
    }
}
