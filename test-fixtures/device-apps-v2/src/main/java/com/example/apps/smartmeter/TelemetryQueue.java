package com.example.apps.smartmeter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounded store-and-forward queue between the meter poller and the hub. Readings are batched; a batch that
 * cannot be delivered goes back to the head of the queue and is retried on the next round.
 */
public final class TelemetryQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TelemetryQueue.class.getName());

    public record MeterReading(Instant at, double activeEnergyKwh, double voltage, double currentAmps, double powerFactor) {
        String toJson() {
            return String.format("{\"ts\":\"%s\",\"kwh\":%.3f,\"v\":%.1f,\"a\":%.2f,\"pf\":%.2f}",
                    at, activeEnergyKwh, voltage, currentAmps, powerFactor);
        }
    }

    private final ConnectionManager connections;
    private final MeterConfig config;
    private final BlockingQueue<MeterReading> queue;
    private final List<MeterReading> retryBatch = new ArrayList<>();
    private final ExecutorService drainExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "telemetry-drain"));
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;

    public TelemetryQueue(ConnectionManager connections, MeterConfig config) {
        this.connections = connections;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    public void start() {
        running = true;
        drainExecutor.execute(this::drainLoop);
    }

    /** Called by the poller; never blocks the Modbus thread. */
    public void offer(MeterReading reading) {
        if (!queue.offer(reading)) {
            // queue full while offline: drop the oldest reading, keep the newest
            queue.poll();
            dropped.incrementAndGet();
            queue.offer(reading);
        }
    }

    private List<MeterReading> nextBatch() throws InterruptedException {
        if (!retryBatch.isEmpty()) {
            List<MeterReading> again = new ArrayList<>(retryBatch);
            retryBatch.clear();
            return again;
        }
        List<MeterReading> batch = new ArrayList<>(config.batchSize());
        MeterReading first = queue.poll(5, TimeUnit.SECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        queue.drainTo(batch, config.batchSize() - 1);
        return batch;
    }

    private static List<Message> toMessages(List<MeterReading> batch, String serial) {
        List<Message> messages = new ArrayList<>(batch.size());
        for (MeterReading r : batch) {
            Message m = new Message(r.toJson().getBytes(StandardCharsets.UTF_8));
            m.setContentType("application/json");
            m.setContentEncoding("utf-8");
            m.setProperty("meter", serial);
            messages.add(m);
        }
        return messages;
    }

    private void drainLoop() {
        while (running) {
            List<MeterReading> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            if (!connections.isOnline()) {
                retryBatch.addAll(batch);
                sleep(2_000);
                continue;
            }
            DeviceClient client = connections.currentClient();
            try {
                client.sendEvents(toMessages(batch, config.meterSerial()));
                delivered.addAndGet(batch.size());
            } catch (IotHubClientException e) {
                retryBatch.addAll(batch);
                if (e.getStatusCode() == IotHubStatusCode.IO_ERROR) {
                    LOG.warning("batch failed with I/O error, reopening the hub connection");
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException reopenFailed) {
                        LOG.log(Level.WARNING, "reopen failed", reopenFailed);
                    }
                } else {
                    LOG.log(Level.WARNING, "batch of " + batch.size() + " failed: " + e.getStatusCode(), e);
                }
            } catch (InterruptedException e) {
                retryBatch.addAll(batch);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long delivered() {
        return delivered.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public int backlog() {
        return queue.size() + retryBatch.size();
    }

    @Override
    public void close() {
        running = false;
        drainExecutor.shutdownNow();
        try {
            drainExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("telemetry queue closed, backlog " + backlog());
    }
}
