package com.example.replacement.workerloop;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A simulator that a timer runs every minute (1.x): each run creates a client, opens it through a helper, sends a
 * few readings and closes it. A failed send or an interrupted sleep leaves the run with the client still open, and the
 * next run opens another client for the same identity.
 */
public class SimulatorWorker {
    private final Timer timer = new Timer("simulator", true);
    private final String connectionString;

    public SimulatorWorker(String connectionString) {
        this.connectionString = connectionString;
    }

    public void start() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                runOnce();
            }
        }, 0, 60_000);
    }

    private void runOnce() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            connect(client);
            for (int i = 0; i < 5; i++) {
                client.sendEventAsync(new Message("{\"reading\":" + i + "}"), (status, ctx) -> { }, null);
                Thread.sleep(1000);
            }
            client.closeNow();
        } catch (IOException | URISyntaxException e) {
            System.err.println("run failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same run with the close in a finally: quiet. */
    public void sendOnce(String payload) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                    try {
                        connect(client);
                        client.sendEventAsync(new Message(payload), (status, ctx) -> { }, null);
                    } finally {
                        client.closeNow();
                    }
                } catch (IOException | URISyntaxException e) {
                    System.err.println("send failed: " + e.getMessage());
                }
            }
        }, 0);
    }

    private static void connect(DeviceClient client) throws IOException {
        client.open();
    }
}
