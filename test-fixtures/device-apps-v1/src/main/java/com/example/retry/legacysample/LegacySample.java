package com.example.retry.legacysample;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Shaped like the legacy 1.x sample: retries open() in main without closing in between. */
public class LegacySample {
    private static DeviceClient client;

    public static void main(String[] args) throws URISyntaxException, IOException, InterruptedException {
        String connString = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(
                (status, reason, throwable, context) -> System.out.println("Status " + status + " because " + reason),
                null);
        client.setMessageCallback(new MessageCallback() {
            @Override
            public IotHubMessageResult execute(Message message, Object context) {
                String body = new String(message.getBytes(), StandardCharsets.UTF_8);
                if ("reconnect".equals(body)) {
                    try {
                        // quiet: a message callback is a re-entry site but not a status callback, so check 3 does not apply to closeNow()
                        client.closeNow();
                        // quiet: path starts in a message callback, not a status callback; "(a) the same client was closed earlier in the same method on every path"
                        client.open();
                    } catch (IOException e) {
                        return IotHubMessageResult.ABANDON;
                    }
                }
                return IotHubMessageResult.COMPLETE;
            }
        }, null);

        boolean connected = false;
        while (!connected) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                connected = true;
            } catch (IOException e) {
                System.out.println("open failed, retrying: " + e.getMessage());
                Thread.sleep(2000);
            }
        }

        DeviceClient telemetry = new DeviceClient(System.getenv("IOTHUB_TELEMETRY_CONNECTION_STRING"), IotHubClientProtocol.AMQPS);
        connectRecursively(telemetry, 5);

        DeviceClient audit = new DeviceClient(System.getenv("IOTHUB_AUDIT_CONNECTION_STRING"), IotHubClientProtocol.AMQPS);
        connectCarefully(audit, 5);

        TelemetryPump pump = new TelemetryPump(client);
        pump.sendBatch(java.util.Arrays.asList("{\"boot\":1}", "{\"boot\":2}"));
        pump.pumpForever();

        client.closeNow();
        telemetry.closeNow();
        audit.closeNow();
    }

    /** A recursive call from a catch is a retry construct; nothing closes the failed client. */
    static void connectRecursively(DeviceClient c, int attemptsLeft) throws InterruptedException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            c.open();
        } catch (IOException e) {
            if (attemptsLeft > 0) {
                Thread.sleep(1000);
                connectRecursively(c, attemptsLeft - 1);
            }
        }
    }

    /** Same recursion, but the failed client is closed in the catch before the next attempt. */
    static void connectCarefully(DeviceClient c, int attemptsLeft) throws InterruptedException {
        try {
            // quiet: retried start-up open, but "close()/closeNow() in the catch" precedes the next attempt
            c.open();
        } catch (IOException e) {
            try {
                c.closeNow();
            } catch (IOException ignored) {
                // best effort
            }
            if (attemptsLeft > 0) {
                Thread.sleep(1000);
                connectCarefully(c, attemptsLeft - 1);
            }
        }
    }
}
