package com.example.apps.greenhouse;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.ExponentialBackoffWithJitter;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Long-running telemetry device. Connection handling follows the SDK's reconnection architecture:
 * the status callback only records what happened and wakes the connection-manager thread, which owns
 * every close()/open() of the client. Nothing here should be reported.
 */
public final class ResilientTelemetryDevice implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ResilientTelemetryDevice.class.getName());

    /** Settings read once at start-up. */
    public record Settings(String connectionString,
                           IotHubClientProtocol protocol,
                           Duration telemetryPeriod,
                           Duration initialBackoff,
                           Duration maxBackoff) {

        public static Settings fromEnvironment() {
            String cs = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
            if (cs == null || cs.isBlank()) {
                throw new IllegalStateException("IOTHUB_DEVICE_CONNECTION_STRING is not set");
            }
            String protocol = System.getenv().getOrDefault("IOTHUB_PROTOCOL", "AMQPS");
            long period = Long.parseLong(System.getenv().getOrDefault("TELEMETRY_PERIOD_SECONDS", "10"));
            return new Settings(cs, IotHubClientProtocol.valueOf(protocol), Duration.ofSeconds(period),
                    Duration.ofSeconds(1), Duration.ofMinutes(2));
        }
    }

    private final Settings settings;
    private final DeviceClient deviceClient;
    private final Object reconnectLock = new Object();
    private boolean reconnectRequested; // guarded by reconnectLock
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason lastReason;
    private volatile Instant lastStatusChange = Instant.now();
    private final Thread connectionManager;
    private final ScheduledExecutorService telemetryScheduler;
    private final AtomicLong messagesAcknowledged = new AtomicLong();
    private final AtomicLong messagesFailed = new AtomicLong();
    private final AtomicInteger reconnects = new AtomicInteger();
    private ScheduledFuture<?> telemetryTask; // guarded by this

    public ResilientTelemetryDevice(Settings settings) {
        this.settings = settings;
        ClientOptions options = ClientOptions.builder()
                .keepAliveInterval(60)
                .useIdentifiableThreadNames(true)
                .build();
        this.deviceClient = new DeviceClient(settings.connectionString(), settings.protocol(), options);
        this.deviceClient.setRetryPolicy(new ExponentialBackoffWithJitter());
        this.deviceClient.setConnectionStatusChangeCallback(this::onConnectionStatusChanged, null);
        this.connectionManager = new Thread(this::runConnectionManager, "iothub-connection-manager");
        this.connectionManager.setDaemon(true);
        this.telemetryScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /** Status callback: record the status and wake the manager. Never touches the client. */
    private void onConnectionStatusChanged(ConnectionStatusChangeContext context) {
        IotHubConnectionStatus status = context.getNewStatus();
        IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
        Throwable cause = context.getCause();
        lastStatus = status;
        lastReason = reason;
        lastStatusChange = Instant.now();
        if (cause == null) {
            LOG.info(() -> "Connection status " + context.getPreviousStatus() + " -> " + status + " (" + reason + ")");
        } else {
            LOG.log(Level.WARNING, "Connection status " + status + " (" + reason + ")", cause);
        }

        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectLock) {
                reconnectRequested = true;
                reconnectLock.notifyAll();
            }
        }
    }

    public void start() throws InterruptedException {
        connectWithRetry();
        connectionManager.start();
        scheduleTelemetry(settings.telemetryPeriod());
    }

    /** Body of the connection-manager thread: sleeps until the callback reports a terminal disconnect. */
    private void runConnectionManager() {
        while (!shuttingDown.get()) {
            synchronized (reconnectLock) {
                while (!reconnectRequested && !shuttingDown.get()) {
                    try {
                        reconnectLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                reconnectRequested = false;
            }
            if (shuttingDown.get()) {
                return;
            }
            LOG.info("Connection lost (" + lastReason + "), reconnecting");
            reconnects.incrementAndGet();
            try {
                connectWithRetry();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** close() then open(false), with a growing delay, until connected or shut down. */
    private void connectWithRetry() throws InterruptedException {
        long backoffMillis = settings.initialBackoff().toMillis();
        while (!shuttingDown.get()) {
            // a failed or half-finished attempt must not leave a link behind
            deviceClient.close();
            try {
                deviceClient.open(false);
                deviceClient.subscribeToMethods(this::onMethodInvoked, null);
                LOG.info("Connected to IoT Hub");
                return;
            } catch (IotHubClientException e) {
                if (!e.isRetryable()) {
                    LOG.log(Level.SEVERE, "Non-retryable error while connecting, giving up", e);
                    return;
                }
                LOG.log(Level.WARNING, "Connect attempt failed, retrying in " + backoffMillis + " ms", e);
            }
            Thread.sleep(backoffMillis + ThreadLocalRandom.current().nextLong(250));
            backoffMillis = Math.min(backoffMillis * 2, settings.maxBackoff().toMillis());
        }
    }

    private synchronized void scheduleTelemetry(Duration period) {
        if (telemetryTask != null) {
            telemetryTask.cancel(false);
        }
        telemetryTask = telemetryScheduler.scheduleAtFixedRate(this::sendTelemetry, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendTelemetry() {
        if (lastStatus != IotHubConnectionStatus.CONNECTED) {
            LOG.fine(() -> "Skipping telemetry while " + lastStatus);
            return;
        }
        double temperature = 20 + ThreadLocalRandom.current().nextDouble(15);
        double humidity = 30 + ThreadLocalRandom.current().nextDouble(40);
        Message message = new Message(String.format("{\"temperature\":%.2f,\"humidity\":%.1f}", temperature, humidity));
        message.setContentType("application/json");
        message.setContentEncoding("UTF-8");
        message.setMessageId(UUID.randomUUID().toString());
        message.setProperty("temperatureAlert", temperature > 30 ? "true" : "false");
        try {
            deviceClient.sendEventAsync(message, this::onMessageSent, message.getMessageId());
        } catch (IllegalStateException e) {
            // the client is being reopened by the manager thread; drop this sample
            messagesFailed.incrementAndGet();
            LOG.warning("Client not open, telemetry dropped: " + e.getMessage());
        }
    }

    private void onMessageSent(Message sent, IotHubClientException exception, Object context) {
        if (exception == null) {
            messagesAcknowledged.incrementAndGet();
        } else {
            messagesFailed.incrementAndGet();
            LOG.log(Level.WARNING, "Message " + context + " failed: " + exception.getStatusCode(), exception);
        }
    }

    private DirectMethodResponse onMethodInvoked(String methodName, DirectMethodPayload payload, Object context) {
        switch (methodName) {
            case "getStatistics":
                String stats = String.format("{\"acked\":%d,\"failed\":%d,\"reconnects\":%d,\"status\":\"%s\",\"since\":\"%s\"}",
                        messagesAcknowledged.get(), messagesFailed.get(), reconnects.get(), lastStatus, lastStatusChange);
                return new DirectMethodResponse(200, stats);
            case "setTelemetryInterval":
                Integer seconds = payload.getPayload(Integer.class);
                if (seconds == null || seconds < 1 || seconds > 3600) {
                    return new DirectMethodResponse(400, "interval must be 1..3600 seconds");
                }
                scheduleTelemetry(Duration.ofSeconds(seconds));
                return new DirectMethodResponse(200, null);
            default:
                return new DirectMethodResponse(404, "unknown method " + methodName);
        }
    }

    @Override
    public void close() {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        synchronized (reconnectLock) {
            reconnectLock.notifyAll();
        }
        connectionManager.interrupt();
        telemetryScheduler.shutdownNow();
        deviceClient.close();
        LOG.info(() -> "Stopped: acked=" + messagesAcknowledged.get() + " failed=" + messagesFailed.get()
                + " reconnects=" + reconnects.get());
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));
        try (ResilientTelemetryDevice device = new ResilientTelemetryDevice(settings)) {
            device.start();
            stop.await();
        }
    }
}
