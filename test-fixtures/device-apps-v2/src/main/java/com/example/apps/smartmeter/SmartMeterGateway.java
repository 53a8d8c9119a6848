package com.example.apps.smartmeter;

import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Smart-meter gateway: polls the meter over Modbus (simulated here), queues readings, forwards them to
 * IoT Hub, and answers the utility's head-end through direct methods.
 */
public final class SmartMeterGateway {
    private static final Logger LOG = Logger.getLogger(SmartMeterGateway.class.getName());

    private final MeterConfig config;
    private final ConnectionManager connections;
    private final TelemetryQueue queue;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "modbus-poll"));
    private ScheduledFuture<?> pollTask;
    private double energyRegister = 12_345.678;
    private volatile boolean relayClosed = true;

    public SmartMeterGateway(MeterConfig config) {
        this.config = config;
        this.connections = new ConnectionManager(config);
        this.queue = new TelemetryQueue(connections, config);
        this.connections.setCloudHandlers(this::onMethod, this::onDesired);
        this.connections.addListener(s -> LOG.info("hub link is now " + s));
    }

    public void start() throws InterruptedException {
        connections.start();
        queue.start();
        reschedulePolling(config.pollInterval().toSeconds());
    }

    private synchronized void reschedulePolling(long seconds) {
        if (pollTask != null) {
            pollTask.cancel(false);
        }
        pollTask = poller.scheduleAtFixedRate(this::pollMeter, 0, seconds, TimeUnit.SECONDS);
    }

    private void pollMeter() {
        // stand-in for the Modbus RTU read of registers 0x0000..0x000A
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        double delta = relayClosed ? rnd.nextDouble(0.01, 0.2) : 0;
        energyRegister += delta;
        TelemetryQueue.MeterReading reading = new TelemetryQueue.MeterReading(
                Instant.now(), energyRegister, 229 + rnd.nextDouble(3), relayClosed ? rnd.nextDouble(0.5, 12) : 0, 0.93);
        queue.offer(reading);
    }

    private DirectMethodResponse onMethod(String name, DirectMethodPayload payload, Object context) {
        switch (name) {
            case "disconnectLoad":
                relayClosed = false;
                return new DirectMethodResponse(200, "relay open");
            case "reconnectLoad":
                relayClosed = true;
                return new DirectMethodResponse(200, "relay closed");
            case "reconnectHub":
                // answer first, then reconnect off the SDK's callback thread
                CompletableFuture.runAsync(() -> {
                    try {
                        connections.forceReconnect();
                    } catch (IotHubClientException e) {
                        LOG.log(Level.WARNING, "forced reconnect failed", e);
                    }
                });
                return new DirectMethodResponse(202, "reconnect scheduled");
            case "getBacklog":
                return new DirectMethodResponse(200, "{\"backlog\":" + queue.backlog() + ",\"dropped\":" + queue.dropped() + "}");
            default:
                return new DirectMethodResponse(404, null);
        }
    }

    private void onDesired(Twin twin, Object context) {
        Object poll = twin.getDesiredProperties().get("pollSeconds");
        if (poll instanceof Number n && n.longValue() >= 5) {
            reschedulePolling(n.longValue());
        }
    }

    public void stop() {
        poller.shutdownNow();
        queue.close();
        connections.close();
    }

    public static void main(String[] args) throws Exception {
        MeterConfig config = MeterConfig.load(Path.of(args.length > 0 ? args[0] : "/etc/meter-gateway.properties"));
        SmartMeterGateway gateway = new SmartMeterGateway(config);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop));
        gateway.start();
        Thread.currentThread().join();
    }
}
