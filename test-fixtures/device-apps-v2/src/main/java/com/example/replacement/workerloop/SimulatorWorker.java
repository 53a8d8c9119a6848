package com.example.replacement.workerloop;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A simulator worker that a web console starts and stops: each round creates a client, opens it through a helper,
 * sends for a while and closes it at the end of the round. stop() interrupts the sleep, which leaves the round with
 * the client still open, and the next start() opens a second client for the same identity.
 */
public class SimulatorWorker {
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final String connectionString;
    private volatile boolean running;
    private Future<?> current;

    public SimulatorWorker(String connectionString) {
        this.connectionString = connectionString;
    }

    public synchronized void start() {
        running = true;
        current = workers.submit(this::runRounds);
    }

    public synchronized void stop() {
        running = false;
        if (current != null) {
            current.cancel(true);
        }
    }

    private void runRounds() {
        while (running) {
            try {
                // expect: IotHubClientReplacedWithoutClose
                DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                connect(client);
                for (int i = 0; i < 10 && running; i++) {
                    client.sendEventAsync(new Message("{\"reading\":" + i + "}"), (sent, e, ctx) -> { }, null);
                    Thread.sleep(1000);
                }
                client.close();
            } catch (IotHubClientException e) {
                System.err.println("round failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Each round's own client, closed in the finally whatever happens: quiet. */
    public void sendOnce(String payload) {
        workers.submit(() -> {
            DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            try {
                connect(client);
                client.sendEventAsync(new Message(payload), (sent, e, ctx) -> { }, null);
            } catch (IotHubClientException e) {
                System.err.println("send failed: " + e.getMessage());
            } finally {
                client.close();
            }
        });
    }

    private static void connect(DeviceClient client) throws IotHubClientException {
        client.open(true);
    }
}
