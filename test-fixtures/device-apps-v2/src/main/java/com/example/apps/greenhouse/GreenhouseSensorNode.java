package com.example.apps.greenhouse;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Greenhouse sensor node on a Raspberry Pi. Single-threaded design in the style of the SDK's reconnection
 * sample: the status callback records the status and raises a flag under a lock; the main loop is the
 * connection manager and does close() then open(false) with back-off. Nothing here should be reported.
 */
public final class GreenhouseSensorNode {
    private static final Logger LOG = Logger.getLogger(GreenhouseSensorNode.class.getName());
    private static final long SAMPLE_MILLIS = 15_000;
    private static final long MAX_BACKOFF_MILLIS = 120_000;

    private final DeviceClient client;
    private final Object lock = new Object();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Random sensor = new Random();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private boolean reconnectNeeded; // guarded by lock
    private long samplesSent;

    GreenhouseSensorNode(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this::onStatusChanged, null);
    }

    private void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus status = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        lastStatus = status;
        LOG.info("status " + status + " reason " + reason);
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (lock) {
                reconnectNeeded = true;
                lock.notify();
            }
        }
    }

    /** Close, then open, until it works or we are asked to stop. */
    private void connectWithBackoff() throws InterruptedException {
        long backoff = 1_000;
        while (running.get()) {
            client.close();
            try {
                client.open(false);
                LOG.info("connected");
                return;
            } catch (IotHubClientException e) {
                LOG.log(Level.WARNING, "open failed (" + e.getStatusCode() + "), next attempt in " + backoff + " ms", e);
            }
            Thread.sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    private void sample() {
        if (lastStatus != IotHubConnectionStatus.CONNECTED) {
            return;
        }
        String json = String.format(Locale.ROOT, "{\"airC\":%.1f,\"rh\":%.0f,\"soil\":%.2f,\"lux\":%d}",
                18 + sensor.nextDouble() * 12, 50 + sensor.nextDouble() * 40, sensor.nextDouble(), sensor.nextInt(60_000));
        Message m = new Message(json);
        m.setContentType("application/json");
        try {
            client.sendEventAsync(m, (sent, e, ctx) -> {
                if (e != null) {
                    LOG.fine("sample not delivered: " + e.getStatusCode());
                }
            }, null);
            samplesSent++;
        } catch (IllegalStateException e) {
            LOG.fine("not open, sample dropped");
        }
    }

    /** Main loop: manager and sampler in one thread. */
    void run() throws InterruptedException {
        connectWithBackoff();
        while (running.get()) {
            boolean reconnect;
            synchronized (lock) {
                if (!reconnectNeeded) {
                    lock.wait(SAMPLE_MILLIS);
                }
                reconnect = reconnectNeeded;
                reconnectNeeded = false;
            }
            if (reconnect) {
                LOG.info("connection lost, reconnecting");
                connectWithBackoff();
            } else {
                sample();
            }
        }
        client.close();
        LOG.info("stopped after " + samplesSent + " samples");
    }

    void stop() {
        running.set(false);
        synchronized (lock) {
            lock.notify();
        }
    }

    public static void main(String[] args) throws Exception {
        GreenhouseSensorNode node = new GreenhouseSensorNode(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        node.run();
    }
}
