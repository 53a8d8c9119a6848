package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Callback (anonymous class) hands status events over a BlockingQueue to a worker. */
public class BlockingQueueManager {
    static final class Event {
        final IotHubConnectionStatus status;
        final IotHubConnectionStatusChangeReason reason;
        Event(IotHubConnectionStatus s, IotHubConnectionStatusChangeReason r) { status = s; reason = r; }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DeviceClient client;
    private final DeviceClient secondary;

    public BlockingQueueManager() throws URISyntaxException, IOException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        secondary = new DeviceClient(Util.CS.replace("dev1", "dev2"), IotHubClientProtocol.MQTT);
        IotHubConnectionStatusChangeCallback cb = new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
                // only records: offer() never reaches a reconnect
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    events.offer(new Event(status, reason));
                }
            }
        };
        client.registerConnectionStatusChangeCallback(cb, null);
        secondary.registerConnectionStatusChangeCallback(cb, null);
    }

    public void start() throws IOException {
        client.open();
        secondary.open();
        worker.execute(this::drain);
        worker.execute(this::drainSecondary);
    }

    private void drain() {
        while (!Thread.currentThread().isInterrupted()) {
            Event e;
            try {
                e = events.take();
            } catch (InterruptedException ie) {
                return;
            }
            if (e.reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                continue;
            }
            switch (e.status) {
                case DISCONNECTED:
                    reopenPrimary();
                    break;
                case DISCONNECTED_RETRYING:
                case CONNECTED:
                default:
                    break;
            }
        }
    }

    /** Only called under `case DISCONNECTED` -> guarded helper. */
    private void reopenPrimary() {
        try {
            client.open();
        } catch (IOException ex) {
            System.err.println("will retry on next event " + ex);
        }
    }

    private void drainSecondary() {
        while (!Thread.currentThread().isInterrupted()) {
            Event e;
            try {
                e = events.take();
            } catch (InterruptedException ie) {
                return;
            }
            switch (e.status) {
                case DISCONNECTED_RETRYING:
                case DISCONNECTED:
                    reopenSecondary();
                    break;
                default:
                    break;
            }
        }
    }

    /** Near miss: reached from a case that also admits DISCONNECTED_RETRYING. */
    private void reopenSecondary() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            secondary.open();
        } catch (IOException ex) {
            System.err.println(ex);
        }
    }
}
