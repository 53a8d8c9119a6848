package com.example.apps.smartmeter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;

import java.io.IOException;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** 1.x smart-meter gateway main: meter poller, queue and head-end methods. */
public class MeterGateway {
    private static final Logger LOG = Logger.getLogger(MeterGateway.class.getName());

    private final MeterSettings settings;
    private final MeterConnectionManager connections;
    private final MeterTelemetryQueue queue;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final Random noise = new Random();
    private double importKwh = 48_211.5;
    private volatile boolean loadConnected = true;

    MeterGateway(MeterSettings settings) throws Exception {
        this.settings = settings;
        this.connections = new MeterConnectionManager(settings);
        this.queue = new MeterTelemetryQueue(connections, settings.queueCapacity());
    }

    void start() throws IOException, InterruptedException {
        connections.connect();
        connections.client().subscribeToDeviceMethod(
                (methodName, methodData, context) -> onMethod(methodName),
                null,
                (status, context) -> LOG.fine("method subscription " + status),
                null);
        queue.start();
        poller.scheduleAtFixedRate(this::poll, 0, settings.pollSeconds(), TimeUnit.SECONDS);
    }

    private void poll() {
        if (loadConnected) {
            importKwh += 0.01 + noise.nextDouble() * 0.05;
        }
        String json = String.format(Locale.ROOT, "{\"serial\":\"%s\",\"kwh\":%.3f,\"v\":%.1f,\"load\":%b}",
                settings.meterSerial(), importKwh, 228 + noise.nextDouble() * 4, loadConnected);
        if (!queue.enqueue(json)) {
            LOG.warning("queue full, reading dropped");
        }
    }

    private DeviceMethodData onMethod(String methodName) {
        switch (methodName) {
            case "disconnectLoad":
                loadConnected = false;
                return new DeviceMethodData(200, "load disconnected");
            case "reconnectLoad":
                loadConnected = true;
                return new DeviceMethodData(200, "load reconnected");
            case "resetLink":
                CompletableFuture.runAsync(() -> {
                    DeviceClient c = connections.client();
                    try {
                        c.closeNow();
                        c.open();
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "link reset failed", e);
                    }
                });
                return new DeviceMethodData(202, "link reset scheduled");
            case "stats":
                return new DeviceMethodData(200, "{\"acked\":" + queue.acked() + ",\"requeued\":" + queue.requeued()
                        + ",\"backlog\":" + queue.backlog() + ",\"cycles\":" + connections.linkCycles() + "}");
            default:
                return new DeviceMethodData(404, "unknown");
        }
    }

    void stop() {
        poller.shutdownNow();
        queue.stop();
        connections.shutdown();
    }

    public static void main(String[] args) throws Exception {
        MeterGateway gateway = new MeterGateway(MeterSettings.load(args.length > 0 ? args[0] : "/etc/meter.properties"));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop));
        gateway.start();
        Thread.currentThread().join();
    }
}
