package com.example.startup.fallback;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;

/** Start-up code with catch blocks: protocol fallback (retry construct) vs failed-send catch (re-entry site). */
public class StartupFallback {
    private static DeviceClient client;

    /** Firewall blocks 5671: fall back to AMQP over websockets. The failed client is not closed. */
    static void openWithFallback(String cs) throws IOException, URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            client = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
            client.open();
        }
    }

    /** Same fallback, closing the failed client first. */
    static void openWithFallbackClosing(String cs) throws IOException, URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        try {
            client.open();
        } catch (IOException e) {
            client.closeNow();
            client = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
            client.open();
        }
    }

    /** A catch after a failed send is a re-entry site even in start-up code. */
    static void sendHello(String cs) throws IOException, URISyntaxException {
        try {
            client.sendEventAsync(new Message("hello"), null, null);
        } catch (IllegalStateException e) {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            client.open();
        }
    }

    /** Lazy creation in the same catch: null check skips creation when a client exists. */
    static void sendHelloLazy(String cs) throws IOException, URISyntaxException {
        try {
            client.sendEventAsync(new Message("hello"), null, null);
        } catch (NullPointerException e) {
            if (client == null) {
                client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
                client.open();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        openWithFallback(args[0]);
        openWithFallbackClosing(args[0]);
        sendHello(args[0]);
        sendHelloLazy(args[0]);
        client.closeNow();
    }
}
