package com.example.apps.smartmeter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.ExponentialBackoffWithJitter;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connection manager of the 1.x smart-meter gateway. Owns the DeviceClient; the telemetry queue and the
 * gateway get it from here.
 */
public class MeterConnectionManager {
    private static final Logger LOG = Logger.getLogger(MeterConnectionManager.class.getName());

    private final MeterSettings settings;
    private final DeviceClient client;
    private final ExecutorService reconnectPool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "link-cycler");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger cycles = new AtomicInteger();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason lastReason;
    private volatile boolean closing;

    public MeterConnectionManager(MeterSettings settings) throws URISyntaxException {
        this.settings = settings;
        this.client = new DeviceClient(settings.connectionString(), IotHubClientProtocol.AMQPS);
        this.client.setRetryPolicy(new ExponentialBackoffWithJitter());
        this.client.setOperationTimeout(settings.operationTimeoutMillis());
    }

    public DeviceClient client() {
        return client;
    }

    public IotHubConnectionStatus status() {
        return lastStatus;
    }

    public boolean isConnected() {
        return lastStatus == IotHubConnectionStatus.CONNECTED;
    }

    /** Called once from the gateway's main before anything else touches the hub. */
    public void connect() throws IOException, InterruptedException {
        class LinkWatcher implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                lastStatus = status;
                lastReason = reason;
                if (cause != null) {
                    LOG.log(Level.WARNING, "link " + status + " (" + reason + ")", cause);
                } else {
                    LOG.info("link " + status + " (" + reason + ")");
                }
                // expect: IotHubReopenAfterClientClose
                if (status != IotHubConnectionStatus.CONNECTED && !closing) {
                    // the meter must never go silent for long: cycle the link off-thread
                    reconnectPool.submit(MeterConnectionManager.this::cycleConnection);
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new LinkWatcher(), null);

        for (int attempt = 1; attempt <= settings.maxConnectAttempts(); attempt++) {
            try {
                client.open();
                reportStartup();
                return;
            } catch (IOException e) {
                LOG.warning("connect attempt " + attempt + " failed: " + e.getMessage());
                client.closeNow();
                TimeUnit.SECONDS.sleep(Math.min(30, 2L * attempt));
            }
        }
        throw new IOException("IoT Hub unreachable after " + settings.maxConnectAttempts() + " attempts");
    }

    /** Runs on the link-cycler thread. */
    private void cycleConnection() {
        int n = cycles.incrementAndGet();
        LOG.info("cycling hub link (#" + n + "), last reason " + lastReason);
        try {
            client.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "link cycle #" + n + " failed", e);
        }
    }

    private void reportStartup() throws IOException {
        Set<Property> reported = new HashSet<>();
        reported.add(new Property("firmware", settings.firmwareVersion()));
        reported.add(new Property("meterSerial", settings.meterSerial()));
        reported.add(new Property("lastBoot", System.currentTimeMillis()));
        client.startDeviceTwin((status, ctx) -> LOG.fine("twin " + status), null,
                (com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack) (property, ctx) -> LOG.info("desired " + property), null);
        client.sendReportedProperties(reported);
    }

    public int linkCycles() {
        return cycles.get();
    }

    public void shutdown() {
        closing = true;
        reconnectPool.shutdownNow();
        try {
            client.closeNow();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "close failed", e);
        }
    }
}
