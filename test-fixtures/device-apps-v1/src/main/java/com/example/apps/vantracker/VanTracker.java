package com.example.apps.vantracker;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Van telematics box, SDK 1.x build. GPS fixes are sent every few seconds; during dead zones they are kept
 * in a bounded buffer and replayed when the link comes back. A watchdog rebuilds the link when the cellular
 * modem silently re-attaches.
 */
public class VanTracker {
    private static final Logger LOG = Logger.getLogger(VanTracker.class.getName());
    private static final long STALL_MILLIS = TimeUnit.MINUTES.toMillis(5);
    private static final int BUFFER_LIMIT = 20_000;

    static final class Settings {
        final String connectionString = System.getenv("TRACKER_CS");
        final String diagnosticsConnectionString = System.getenv("TRACKER_DIAG_CS");
        final String vehicleId = System.getenv().getOrDefault("VEHICLE_ID", "VAN-042");
        final long fixMillis = 5_000;
    }

    private final Settings settings;
    private DeviceClient client;
    private volatile boolean connected;
    private volatile long lastAckMillis = System.currentTimeMillis();
    private final Object bufferLock = new Object();
    private final Deque<String> offlineFixes = new ArrayDeque<>(); // guarded by bufferLock
    private final Timer watchdog = new Timer("link-watchdog", true);
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService linkOps = Executors.newSingleThreadExecutor();
    private final Random gpsNoise = new Random();
    private double lat = 48.1351;
    private double lon = 11.5820;
    private String apn = "iot.telco.example";

    VanTracker(Settings settings) throws URISyntaxException {
        this.settings = settings;
        this.client = new DeviceClient(settings.connectionString, IotHubClientProtocol.MQTT);
    }

    private IotHubConnectionStatusChangeCallback statusCallback() {
        return (status, reason, cause, context) -> {
            connected = status == IotHubConnectionStatus.CONNECTED;
            LOG.info("hub link " + status + " (" + reason + ")");
            if (connected) {
                synchronized (bufferLock) {
                    bufferLock.notifyAll();
                }
            }
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            LOG.warning("SDK gave up on the link, reopening in 10s");
            scheduler.schedule(this::reopen, 10, TimeUnit.SECONDS);
        };
    }

    void start() throws IOException, InterruptedException {
        client.registerConnectionStatusChangeCallback(statusCallback(), null);
        openWithRetry(5);
        client.subscribeToDeviceMethod((method, data, ctx) -> onMethod(method, data), null,
                (status, ctx) -> LOG.fine("methods: " + status), null);
        scheduler.scheduleAtFixedRate(this::sendFix, 0, settings.fixMillis, TimeUnit.MILLISECONDS);
        Thread flusher = new Thread(this::flushBuffered, "fix-flusher");
        flusher.setDaemon(true);
        flusher.start();
        watchdog.schedule(new TimerTask() {
            @Override
            public void run() {
                long silentFor = System.currentTimeMillis() - lastAckMillis;
                if (silentFor < STALL_MILLIS) {
                    return;
                }
                LOG.warning("no acknowledgement for " + silentFor / 1000 + "s; modem probably re-attached, rebuilding the client");
                try {
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(settings.connectionString, IotHubClientProtocol.MQTT);
                    client.registerConnectionStatusChangeCallback(statusCallback(), null);
                    client.open();
                    lastAckMillis = System.currentTimeMillis();
                } catch (URISyntaxException | IOException e) {
                    LOG.log(Level.WARNING, "watchdog rebuild failed", e);
                }
            }
        }, STALL_MILLIS, 60_000);
    }

    /** Boot-time connect; the modem may still be registering on the network. */
    private void openWithRetry(int attemptsLeft) throws IOException, InterruptedException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            if (attemptsLeft <= 1) {
                throw e;
            }
            LOG.warning("network not ready (" + e.getMessage() + "), " + (attemptsLeft - 1) + " attempts left");
            Thread.sleep(3_000);
            openWithRetry(attemptsLeft - 1);
        }
    }

    private void reopen() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reopen failed; the watchdog will take over", e);
        }
    }

    private String nextFix() {
        lat += (gpsNoise.nextDouble() - 0.5) / 1000;
        lon += (gpsNoise.nextDouble() - 0.5) / 1000;
        return String.format(Locale.ROOT, "{\"v\":\"%s\",\"t\":%d,\"lat\":%.6f,\"lon\":%.6f}",
                settings.vehicleId, System.currentTimeMillis(), lat, lon);
    }

    private void buffer(String fix) {
        synchronized (bufferLock) {
            if (offlineFixes.size() >= BUFFER_LIMIT) {
                offlineFixes.pollFirst();
            }
            offlineFixes.addLast(fix);
        }
    }

    private final IotHubEventCallback ackCallback = new IotHubEventCallback() {
        @Override
        public void execute(IotHubStatusCode status, Object context) {
            if (status == IotHubStatusCode.OK || status == IotHubStatusCode.OK_EMPTY) {
                lastAckMillis = System.currentTimeMillis();
            } else {
                buffer((String) context);
            }
        }
    };

    private void sendFix() {
        String fix = nextFix();
        if (!connected) {
            buffer(fix);
            return;
        }
        Message message = new Message(fix);
        message.setContentType("application/json");
        client.sendEventAsync(message, ackCallback, fix);
    }

    private void flushBuffered() {
        while (!Thread.currentThread().isInterrupted()) {
            String fix;
            synchronized (bufferLock) {
                try {
                    while (!connected || offlineFixes.isEmpty()) {
                        bufferLock.wait(10_000);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                fix = offlineFixes.pollFirst();
            }
            Message replay = new Message(fix);
            replay.setProperty("replayed", "true");
            client.sendEventAsync(replay, ackCallback, fix);
        }
    }

    private DeviceMethodData onMethod(String method, Object data) {
        switch (method) {
            case "switchApn":
                apn = String.valueOf(data);
                linkOps.execute(() -> {
                    try {
                        if (client != null) {
                            client.closeNow();
                        }
                        client = new DeviceClient(settings.connectionString, IotHubClientProtocol.MQTT);
                        client.registerConnectionStatusChangeCallback(statusCallback(), null);
                        client.open(true);
                    } catch (IOException | URISyntaxException e) {
                        LOG.log(Level.WARNING, "APN switch failed", e);
                    }
                });
                return new DeviceMethodData(202, "switching to " + apn);
            case "uploadDiagnostics":
                CompletableFuture.runAsync(this::uploadDiagnostics, linkOps);
                return new DeviceMethodData(202, null);
            default:
                return new DeviceMethodData(404, "unknown");
        }
    }

    /** Diagnostics go to a separate identity so they never queue behind GPS traffic. */
    private void uploadDiagnostics() {
        try (DeviceClient diag = new DeviceClient(settings.diagnosticsConnectionString, IotHubClientProtocol.HTTPS)) {
            diag.open();
            int buffered;
            synchronized (bufferLock) {
                buffered = offlineFixes.size();
            }
            diag.sendEventAsync(new Message("{\"buffered\":" + buffered + ",\"apn\":\"" + apn + "\"}"), null, null);
        } catch (IOException | URISyntaxException e) {
            LOG.log(Level.WARNING, "diagnostics upload failed", e);
        }
    }

    void stop() {
        watchdog.cancel();
        scheduler.shutdownNow();
        linkOps.shutdownNow();
        try {
            client.closeNow();
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        VanTracker tracker = new VanTracker(new Settings());
        Runtime.getRuntime().addShutdownHook(new Thread(tracker::stop));
        tracker.start();
        Thread.currentThread().join();
    }
}
