package com.example.replacement.roundclose;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;

/** A low-power uploader: every round connects, sends one reading and disconnects. */
public class UploadRounds implements Runnable {
    private final String connectionString = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    private volatile boolean running = true;

    /** Closed in the finally of every round: the next round replaces a closed client. Quiet. */
    @Override
    public void run() {
        DeviceClient client = null;
        while (running) {
            try {
                client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                client.open();
                client.sendEventAsync(new Message("reading"), (status, context) -> { }, null);
                Thread.sleep(60_000);
            } catch (IOException | URISyntaxException | InterruptedException e) {
                System.err.println("round failed: " + e.getMessage());
            } finally {
                if (client != null) {
                    try {
                        client.closeNow();
                    } catch (IOException e) {
                        System.err.println("close failed: " + e.getMessage());
                    }
                }
            }
        }
    }

    /** A failed open skips the close with continue: the next round replaces a client that may be open. */
    public void runSkippingTheClose() throws InterruptedException, IOException, URISyntaxException {
        DeviceClient client = null;
        while (running) {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
                client.open();
            } catch (IOException e) {
                continue;
            }
            Thread.sleep(60_000);
            client.closeNow();
        }
    }
}
