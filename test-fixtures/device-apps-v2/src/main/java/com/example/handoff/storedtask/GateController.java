package com.example.handoff.storedtask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A parking-gate controller whose status callback queues the reconnect for its command thread. */
public class GateController {
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final DeviceClient gate;

    public GateController(String connectionString) {
        gate = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        gate.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                commands.offer(() -> {
                    // quiet: queued for the command thread, not run on the callback's thread
                    gate.close();
                    try {
                        // quiet: queued for the command thread, right after its own close
                        gate.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println("gate reconnect failed: " + e.getMessage());
                    }
                });
            }
        }, null);
    }

    public void start() throws IotHubClientException {
        // quiet: start-up code
        gate.open(false);
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
