package com.example.replacement.sensorpublisher;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.Random;

/** Telemetry loops (2.x): synchronous sendEvent throws when the link is gone. */
public class SensorPublisher {
    private static final Random RANDOM = new Random();

    static String cs() {
        return System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    }

    /** Loop keeps running after open: rebuilding in the catch without closing. */
    public static void leaky() throws IotHubClientException, InterruptedException {
        DeviceClient client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
        client.open(true);
        while (true) {
            try {
                client.sendEvent(new Message("{\"t\":" + RANDOM.nextInt(40) + "}"));
            } catch (IotHubClientException e) {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
                client.open(true);
            }
            Thread.sleep(5000);
        }
    }

    /** Same loop, closing first. */
    public static void careful() throws IotHubClientException, InterruptedException {
        DeviceClient client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
        client.open(true);
        try {
            while (true) {
                try {
                    client.sendEvent(new Message("{\"t\":" + RANDOM.nextInt(40) + "}"));
                } catch (IotHubClientException e) {
                    client.close();
                    client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
                    client.open(true);
                }
                Thread.sleep(5000);
            }
        } finally {
            client.close();
        }
    }

    /**
     * Null-check-skip on an outer local: a new client only when the previous one was dropped.
     * Safe for (a), but the local is left open when sleep() is interrupted: (d).
     */
    public static void lazy() throws InterruptedException {
        DeviceClient client = null;
        while (true) {
            try {
                if (client == null) {
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
                    client.open(true);
                }
                client.sendEvent(new Message("ping"));
            } catch (IotHubClientException e) {
                client.close();
                client = null;
            }
            Thread.sleep(5000);
        }
    }

    /** Null-check-skip on an outer local, closed in finally on the way out. */
    public static void lazyClosing() throws InterruptedException {
        DeviceClient client = null;
        try {
            while (true) {
                try {
                    if (client == null) {
                        client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
                        client.open(true);
                    }
                    client.sendEvent(new Message("ping"));
                } catch (IotHubClientException e) {
                    client.close();
                    client = null;
                }
                Thread.sleep(5000);
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /** Reopen the same instance in the loop's catch without close or guard. */
    public static void reopenSame(DeviceClient client) throws InterruptedException {
        while (true) {
            try {
                client.sendEvent(new Message("x"));
            } catch (IotHubClientException e) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException ignored) {
                    // try again next round
                }
            }
            Thread.sleep(2000);
        }
    }

    /** Same as reopenSame, but the instance was created (and opened) earlier in this method. */
    public static void reopenOwn() throws IotHubClientException, InterruptedException {
        DeviceClient client = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
        client.open(true);
        while (true) {
            try {
                client.sendEvent(new Message("x"));
            } catch (IotHubClientException e) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException ignored) {
                    // try again next round
                }
            }
            Thread.sleep(2000);
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "careful" -> careful();
            case "lazy" -> lazy();
            case "lazyClosing" -> lazyClosing();
            case "own" -> reopenOwn();
            case "same" -> {
                DeviceClient c = new DeviceClient(cs(), IotHubClientProtocol.MQTT);
                c.open(true);
                reopenSame(c);
            }
            default -> leaky();
        }
    }
}
