package com.example.apps.smartmeter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Store-and-forward queue. At most {@code IN_FLIGHT} messages are outstanding; anything that is not
 * acknowledged goes back to the front of the queue.
 */
public class MeterTelemetryQueue {
    private static final Logger LOG = Logger.getLogger(MeterTelemetryQueue.class.getName());
    private static final int IN_FLIGHT = 20;

    private final MeterConnectionManager connections;
    private final DeviceClient client;
    private final BlockingDeque<String> pending;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong requeued = new AtomicLong();
    private final Thread drainer;
    private volatile boolean running = true;

    public MeterTelemetryQueue(MeterConnectionManager connections, int capacity) {
        this.connections = connections;
        this.client = connections.client();
        this.pending = new LinkedBlockingDeque<>(capacity);
        this.drainer = new Thread(this::drain, "meter-drain");
        this.drainer.setDaemon(true);
    }

    public void start() {
        drainer.start();
    }

    public boolean enqueue(String json) {
        if (pending.offerLast(json)) {
            return true;
        }
        pending.pollFirst();
        return pending.offerLast(json);
    }

    private void drain() {
        while (running) {
            try {
                if (!connections.isConnected()) {
                    TimeUnit.SECONDS.sleep(1);
                    continue;
                }
                String json = pending.pollFirst(5, TimeUnit.SECONDS);
                if (json == null) {
                    continue;
                }
                inFlight.acquire();
                Message message = new Message(json);
                message.setContentType("application/json");
                client.sendEventAsync(message, new SendCallback(), json);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IllegalStateException e) {
                inFlight.release();
                LOG.fine("client closed underneath us: " + e.getMessage());
            }
        }
    }

    /** Send confirmation; runs on the SDK's thread. */
    private final class SendCallback implements IotHubEventCallback {
        @Override
        public void execute(IotHubStatusCode status, Object context) {
            inFlight.release();
            if (status == IotHubStatusCode.OK || status == IotHubStatusCode.OK_EMPTY) {
                acked.incrementAndGet();
                return;
            }
            requeued.incrementAndGet();
            pending.offerFirst((String) context);
            if (status == IotHubStatusCode.MESSAGE_CANCELLED_ONCLOSE || status == IotHubStatusCode.ERROR) {
                LOG.warning("message cancelled (" + status + "), reopening the client");
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "reopen from send callback failed", e);
                }
            }
        }
    }

    public long acked() {
        return acked.get();
    }

    public long requeued() {
        return requeued.get();
    }

    public int backlog() {
        return pending.size();
    }

    public void stop() {
        running = false;
        drainer.interrupt();
    }
}
