package com.example.handoff.storedtask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A parking-gate controller whose status callback queues the reconnect for its command thread. */
public class GateController {
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final DeviceClient gate;

    public GateController(String connectionString) throws URISyntaxException {
        gate = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        gate.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED
                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                commands.offer(() -> {
                    try {
                        // quiet: queued for the command thread, not run on the callback's thread
                        gate.closeNow();
                        // quiet: queued for the command thread, right after its own close
                        gate.open();
                    } catch (IOException e) {
                        System.err.println("gate reconnect failed: " + e.getMessage());
                    }
                });
            }
        }, null);
    }

    public void start() throws IOException {
        // quiet: start-up code
        gate.open();
        Thread worker = new Thread(this::drainCommands, "gate-commands");
        worker.start();
    }

    private void drainCommands() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                commands.take().run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
