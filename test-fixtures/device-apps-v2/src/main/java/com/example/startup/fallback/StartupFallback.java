package com.example.startup.fallback;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Start-up code with catch blocks (2.x). */
public class StartupFallback {
    private DeviceClient client;
    private final String cs;

    StartupFallback(String cs) {
        this.cs = cs;
    }

    /** MQTT blocked: fall back to MQTT over websockets, without closing the failed client. */
    void openWithFallback() throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(true);
        } catch (IotHubClientException e) {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
            client.open(true);
        }
    }

    /** Same fallback, closing first in the catch. */
    void openWithFallbackClosing() throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        try {
            client.open(true);
        } catch (IotHubClientException e) {
            client.close();
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
            client.open(true);
        }
    }

    /** Catch after a failed send: a re-entry site; the old client is replaced without close. */
    void sendHello() throws IotHubClientException, InterruptedException {
        try {
            client.sendEvent(new Message("hello"));
        } catch (IotHubClientException e) {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.open(true);
            client.sendEvent(new Message("hello"));
        }
    }

    public static void main(String[] args) throws Exception {
        StartupFallback s = new StartupFallback(args[0]);
        s.openWithFallback();
        s.openWithFallbackClosing();
        s.sendHello();
    }
}
