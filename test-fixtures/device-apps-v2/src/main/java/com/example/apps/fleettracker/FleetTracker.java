package com.example.apps.fleettracker;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Telematics unit for delivery vans. Sends a GPS fix every few seconds; while the cellular link is down the
 * fixes are buffered (bounded) and flushed in order once the hub link is back.
 */
public class FleetTracker {
    private static final Logger LOG = Logger.getLogger(FleetTracker.class.getName());

    record TrackerConfig(String connectionString, String secondaryConnectionString, String probeConnectionString,
                         String vin, Duration fixInterval, int bufferLimit) {
        static TrackerConfig fromEnv() {
            return new TrackerConfig(System.getenv("HUB_CS"), System.getenv("HUB_CS_SECONDARY"),
                    System.getenv("HUB_CS_PROBE"), System.getenv().getOrDefault("VIN", "WDB9066331S123456"),
                    Duration.ofSeconds(5), 10_000);
        }
    }

    record GpsFix(Instant at, double lat, double lon, double speedKmh, double heading) {
        String toJson(String vin) {
            return String.format("{\"vin\":\"%s\",\"ts\":\"%s\",\"lat\":%.6f,\"lon\":%.6f,\"kmh\":%.1f,\"hdg\":%.0f}",
                    vin, at, lat, lon, speedKmh, heading);
        }
    }

    /** NMEA receiver on /dev/ttyUSB0 in production. */
    static class GpsReceiver {
        private double lat = 52.5200;
        private double lon = 13.4050;

        GpsFix read() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            lat += r.nextDouble(-0.0005, 0.0005);
            lon += r.nextDouble(-0.0005, 0.0005);
            return new GpsFix(Instant.now(), lat, lon, r.nextDouble(0, 90), r.nextDouble(0, 360));
        }
    }

    private final TrackerConfig config;
    private final GpsReceiver gps;
    private DeviceClient client;
    private volatile boolean online;
    private final ReentrantLock bufferLock = new ReentrantLock();
    private final Condition backOnline = bufferLock.newCondition();
    private final Deque<GpsFix> offlineBuffer = new ArrayDeque<>(); // guarded by bufferLock
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final Thread flusher = new Thread(this::flushWhenOnline, "fix-flusher");
    private long fixesDropped;

    private final IotHubConnectionStatusChangeCallback statusCallback = new IotHubConnectionStatusChangeCallback() {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            online = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
            LOG.info("cellular/hub link: " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
            if (online) {
                bufferLock.lock();
                try {
                    backOnline.signalAll();
                } finally {
                    bufferLock.unlock();
                }
            }
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                LOG.warning("SDK stopped retrying (long tunnel / dead zone), reconnecting in 15s");
                scheduler.schedule(FleetTracker.this::reconnectAfterRetryExpired, 15, TimeUnit.SECONDS);
            }
        }
    };

    FleetTracker(TrackerConfig config, GpsReceiver gps) {
        this.config = config;
        this.gps = gps;
        this.client = new DeviceClient(config.connectionString(), IotHubClientProtocol.MQTT);
    }

    void start() throws IotHubClientException, InterruptedException {
        client.setConnectionStatusChangeCallback(statusCallback, null);
        client.open(true);
        client.subscribeToMethods(this::onMethod, null);
        flusher.setDaemon(true);
        flusher.start();
        scheduler.scheduleAtFixedRate(this::recordFix, 0, config.fixInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Start-up fallback when the primary hub cannot be reached at all. */
    void failoverToSecondaryHub() throws IotHubClientException {
        LOG.warning("primary hub unreachable, failing over to secondary");
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(config.secondaryConnectionString(), IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(statusCallback, null);
        client.open(true);
    }

    private void reconnectAfterRetryExpired() {
        client.close();
        try {
            client.open(false);
            client.subscribeToMethods(this::onMethod, null);
        } catch (IotHubClientException e) {
            LOG.warning("reconnect failed (" + e.getStatusCode() + "), trying again in 60s");
            scheduler.schedule(this::reconnectAfterRetryExpired, 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Message toMessage(GpsFix fix) {
        Message message = new Message(fix.toJson(config.vin()).getBytes(StandardCharsets.UTF_8));
        message.setContentType("application/json");
        message.setContentEncoding("utf-8");
        message.setCreationTimeUTC(java.util.Date.from(fix.at()));
        return message;
    }

    private void buffer(GpsFix fix) {
        bufferLock.lock();
        try {
            if (offlineBuffer.size() >= config.bufferLimit()) {
                offlineBuffer.pollFirst();
                fixesDropped++;
            }
            offlineBuffer.addLast(fix);
        } finally {
            bufferLock.unlock();
        }
    }

    /** Scheduled every fixInterval. */
    private void recordFix() {
        GpsFix fix = gps.read();
        if (!online) {
            buffer(fix);
            return;
        }
        try {
            client.sendEventAsync(toMessage(fix), this::onFixSent, fix);
        } catch (IllegalStateException notOpen) {
            buffer(fix);
            LOG.warning("client reported not open, reopening it");
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                LOG.log(Level.WARNING, "reopen failed", e);
            }
        }
    }

    private void onFixSent(Message message, IotHubClientException error, Object context) {
        if (error != null) {
            LOG.fine("fix not acknowledged (" + error.getStatusCode() + "), buffering");
            buffer((GpsFix) context);
        }
    }

    /** Flusher thread: waits for the link, then replays the buffer oldest-first. */
    private void flushWhenOnline() {
        while (!Thread.currentThread().isInterrupted()) {
            List<GpsFix> batch = new ArrayList<>();
            bufferLock.lock();
            try {
                while (!online || offlineBuffer.isEmpty()) {
                    backOnline.await(30, TimeUnit.SECONDS);
                }
                for (int i = 0; i < 100 && !offlineBuffer.isEmpty(); i++) {
                    batch.add(offlineBuffer.pollFirst());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                bufferLock.unlock();
            }
            for (GpsFix fix : batch) {
                try {
                    client.sendEvent(toMessage(fix), 30_000);
                } catch (IotHubClientException e) {
                    buffer(fix);
                } catch (InterruptedException e) {
                    buffer(fix);
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean isOffline() {
        return !online;
    }

    /** Asked by the dispatcher after a depot Wi-Fi handover. */
    private void resync() {
        if (isOffline()) {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                LOG.log(Level.WARNING, "resync open failed", e);
            }
        }
    }

    private DirectMethodResponse onMethod(String name, DirectMethodPayload payload, Object context) {
        switch (name) {
            case "resync":
                CompletableFuture.runAsync(this::resync, scheduler);
                return new DirectMethodResponse(202, null);
            case "bufferStats":
                bufferLock.lock();
                try {
                    return new DirectMethodResponse(200, "{\"buffered\":" + offlineBuffer.size() + ",\"dropped\":" + fixesDropped + "}");
                } finally {
                    bufferLock.unlock();
                }
            case "linkProbe":
                return new DirectMethodResponse(probeLink() ? 200 : 503, null);
            default:
                return new DirectMethodResponse(404, null);
        }
    }

    /** Sends one message over the probe identity to measure end-to-end latency over the cellular modem. */
    private boolean probeLink() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient probe = new DeviceClient(config.probeConnectionString(), IotHubClientProtocol.HTTPS);
            probe.open(false);
            long t0 = System.nanoTime();
            probe.sendEvent(new Message("{\"probe\":true}"), 10_000);
            LOG.info("probe round trip " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            probe.close();
            return true;
        } catch (IotHubClientException | InterruptedException e) {
            LOG.log(Level.WARNING, "link probe failed", e);
            return false;
        }
    }

    void stop() {
        scheduler.shutdownNow();
        flusher.interrupt();
        client.close();
    }

    public static void main(String[] args) throws Exception {
        FleetTracker tracker = new FleetTracker(TrackerConfig.fromEnv(), new GpsReceiver());
        try {
            tracker.start();
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "primary hub failed at boot", e);
            tracker.failoverToSecondaryHub();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(tracker::stop));
        Thread.currentThread().join();
    }
}
