package com.example.retrylibraries.failsafe.coldchain;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import net.jodah.failsafe.Failsafe;
import net.jodah.failsafe.RetryPolicy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;

/** Cold-chain temperature logger (SDK 1.x, Failsafe 2.x). */
public class ColdChainLogger {

    private final DeviceClient client;

    ColdChainLogger(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    void connect() {
        RetryPolicy<Object> policy = new RetryPolicy<>()
                .handle(IOException.class)
                .withDelay(Duration.ofSeconds(5))
                .withMaxRetries(10);
        // net.jodah.failsafe.Failsafe with a RetryPolicy: retry construct; no close between attempts
        // expect: IotHubOpenRetryWithoutClose
        Failsafe.with(policy).run(() -> client.open());
    }

    public static void main(String[] args) throws Exception {
        String cs = System.getenv("COLDCHAIN_CS");
        new ColdChainLogger(cs).connect();
        new ColdChainLoggerFixed(cs).connect();
        new NoRetryLogger(cs).connect();
        new LegacySampleLoop(cs).connect();
        new ReeferMonitor(cs).start();
        new DoorSensor(cs).start();
    }
}

/** Same, with onFailedAttempt closing the client; the listener is attached to the local that runs the attempt. */
class ColdChainLoggerFixed {

    private final DeviceClient client;

    ColdChainLoggerFixed(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
    }

    void connect() {
        RetryPolicy<Object> policy = new RetryPolicy<>()
                .handle(IOException.class)
                .withDelay(Duration.ofSeconds(5))
                .withMaxRetries(10);
        policy.onFailedAttempt(e -> client.closeNow());
        // quiet: "A close in the policy's own retry listener (onRetry, onFailedAttempt, ...) counts as a close between attempts"
        Failsafe.with(policy).run(() -> client.open());
    }
}

/** A policy that visibly never retries. */
class NoRetryLogger {

    private final DeviceClient client;

    NoRetryLogger(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
    }

    void connect() {
        // quiet (decision, see report): withMaxRetries(0) has no "next attempt"; a single start-up open
        Failsafe.with(new RetryPolicy<>().handle(IOException.class).withMaxRetries(0)).run(() -> client.open());
    }
}

/** The legacy 1.x sample: retries open() without closing in between - exactly one finding. */
class LegacySampleLoop {

    private final DeviceClient client;

    LegacySampleLoop(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    void connect() throws InterruptedException {
        boolean connected = false;
        while (!connected) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                connected = true;
            } catch (IOException e) {
                System.out.println("open failed, retrying in 10s: " + e.getMessage());
                Thread.sleep(10_000);
            }
        }
    }
}
