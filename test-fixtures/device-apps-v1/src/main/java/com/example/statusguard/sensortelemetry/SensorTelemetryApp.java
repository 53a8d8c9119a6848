package com.example.statusguard.sensortelemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Console app in the style of the "send event" quickstart: reads a (fake) DHT22 sensor and sends
 * one telemetry message per second.
 */
public class SensorTelemetryApp {
    private static final String CONN = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    private static DeviceClient client;
    private static volatile boolean stopRequested;

    public static void main(String[] args) throws URISyntaxException, IOException, InterruptedException {
        client = new DeviceClient(CONN, IotHubClientProtocol.MQTT);

        client.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
            System.out.println("CONNECTION STATUS UPDATE: " + status + " / " + reason);
            if (throwable != null) {
                throwable.printStackTrace();
            }
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    System.err.println("reopen failed: " + e.getMessage());
                }
            }
        }, null);

        client.open();
        System.out.println("Opened connection to IoT Hub.");

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopRequested = true));

        int counter = 0;
        while (!stopRequested) {
            double temperature = 20 + Math.random() * 10;
            double humidity = 30 + Math.random() * 20;
            Message msg = new Message(String.format("{\"temperature\":%.2f,\"humidity\":%.2f}", temperature, humidity));
            msg.setProperty("temperatureAlert", temperature > 28 ? "true" : "false");
            try {
                client.sendEventAsync(msg, new EventCallback(), counter++);
            } catch (IllegalStateException e) {
                // the client was closed underneath us; bring it back and keep sending
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            }
            Thread.sleep(1000);
        }

        client.closeNow();
        System.out.println("Shutting down...");
    }

    static class EventCallback implements IotHubEventCallback {
        @Override
        public void execute(IotHubStatusCode status, Object context) {
            System.out.println("IoT Hub responded to message " + context + " with status " + status.name());
            if (status == IotHubStatusCode.MESSAGE_CANCELLED_ONCLOSE || status == IotHubStatusCode.ERROR) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    System.err.println("could not reopen after failed send: " + e);
                }
            }
        }
    }
}
