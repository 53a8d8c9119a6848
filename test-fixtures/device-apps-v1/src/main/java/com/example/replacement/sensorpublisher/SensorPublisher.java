package com.example.replacement.sensorpublisher;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Random;

/** Raspberry Pi style telemetry loop (StackOverflow flavoured). */
public class SensorPublisher {
    private static final Random RANDOM = new Random();

    static String connectionString() {
        return System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    }

    static boolean sasExpiresSoon() {
        return RANDOM.nextInt(100) == 0;
    }

    /** Outer local reassigned inside the telemetry loop after a failed send; the old client is never closed. */
    public static void runLeaky() throws IOException, URISyntaxException, InterruptedException {
        DeviceClient dc = new DeviceClient(connectionString(), IotHubClientProtocol.MQTT);
        dc.open();
        while (true) {
            Message msg = new Message("{\"temperature\":" + (20 + RANDOM.nextDouble() * 10) + "}");
            try {
                dc.sendEventAsync(msg, (status, ctx) -> System.out.println("sent: " + status), null);
            } catch (IllegalStateException e) {
                // expect: IotHubClientReplacedWithoutClose
                dc = new DeviceClient(connectionString(), IotHubClientProtocol.MQTT);
                dc.open();
            }
            Thread.sleep(5000);
        }
    }

    /** Same loop, but the previous client is closed before it is replaced. */
    public static void runCareful() throws IOException, URISyntaxException, InterruptedException {
        DeviceClient dc = new DeviceClient(connectionString(), IotHubClientProtocol.MQTT);
        dc.open();
        try {
            while (true) {
                Message msg = new Message("{\"humidity\":" + RANDOM.nextInt(100) + "}");
                try {
                    dc.sendEventAsync(msg, (status, ctx) -> { }, null);
                } catch (IllegalStateException e) {
                    dc.closeNow();
                    dc = new DeviceClient(connectionString(), IotHubClientProtocol.MQTT);
                    dc.open();
                }
                Thread.sleep(5000);
            }
        } finally {
            dc.closeNow();
        }
    }

    /** Token refresh inside the loop: a new client every few hours, the old one left open. */
    public static void runWithTokenRefresh() throws IOException, URISyntaxException, InterruptedException {
        DeviceClient dc = new DeviceClient(connectionString(), IotHubClientProtocol.AMQPS);
        dc.open();
        while (!Thread.currentThread().isInterrupted()) {
            if (sasExpiresSoon()) {
                // expect: IotHubClientReplacedWithoutClose
                dc = new DeviceClient(connectionString(), IotHubClientProtocol.AMQPS);
                dc.open();
            }
            dc.sendEventAsync(new Message("tick"), null, null);
            Thread.sleep(1000);
        }
    }

    /** Loop reconnect that reopens the same instance with no close and no guard. */
    public static void runReopenSame() throws IOException, URISyntaxException, InterruptedException {
        DeviceClient dc = new DeviceClient(connectionString(), IotHubClientProtocol.MQTT);
        dc.open();
        while (true) {
            try {
                dc.sendEventAsync(new Message("x"), null, null);
            } catch (IllegalStateException e) {
                // expect: IotHubOpenWithoutStatusGuard
                dc.open();
            }
            Thread.sleep(2000);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("careful")) {
            runCareful();
        } else if (args.length > 0 && args[0].equals("refresh")) {
            runWithTokenRefresh();
        } else if (args.length > 0 && args[0].equals("same")) {
            runReopenSame();
        } else {
            runLeaky();
        }
    }
}
