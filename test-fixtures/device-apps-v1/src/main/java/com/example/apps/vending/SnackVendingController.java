package com.example.apps.vending;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Snack machine controller (2019 hardware generation, SDK 1.x). The controller itself is the connection
 * status callback.
 */
public class SnackVendingController implements IotHubConnectionStatusChangeCallback {
    private static final Logger LOG = Logger.getLogger(SnackVendingController.class.getName());

    enum MachineState { READY, VENDING, SERVICE_MODE, FAULT }

    static final class Config {
        final String connectionString;
        final String machineId;
        final long heartbeatMillis;

        Config(Properties p) {
            this.connectionString = p.getProperty("iothub.connectionString");
            this.machineId = p.getProperty("machine.id", "snack-0001");
            this.heartbeatMillis = Long.parseLong(p.getProperty("heartbeat.millis", "60000"));
        }

        static Config load(String path) throws IOException {
            Properties p = new Properties();
            try (InputStream in = new FileInputStream(path)) {
                p.load(in);
            }
            return new Config(p);
        }
    }

    private final Config config;
    private DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean linkUp;
    private volatile MachineState machineState = MachineState.READY;
    private final Map<Integer, Integer> slotPrices = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> slotStock = new ConcurrentHashMap<>();
    private final AtomicLong cashInCents = new AtomicLong();
    private final Timer heartbeatTimer = new Timer("heartbeat", true);
    private final ExecutorService opsExecutor = Executors.newSingleThreadExecutor();

    public SnackVendingController(Config config) throws URISyntaxException {
        this.config = config;
        this.client = new DeviceClient(config.connectionString, IotHubClientProtocol.MQTT);
        for (int slot = 11; slot <= 58; slot++) {
            slotPrices.put(slot, 120);
            slotStock.put(slot, 8);
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object context) {
        lastStatus = status;
        linkUp = status == IotHubConnectionStatus.CONNECTED;
        LOG.info("connection status " + status + " because " + reason);
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            LOG.warning("link is down for good, restarting it");
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.closeNow();
                // expect: IotHubReconnectOnCallbackThread
                client.open();
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "could not restart the IoT Hub link", e);
            }
        }
    }

    public void start() throws IOException {
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(new PriceUpdateHandler(), null);
        client.open();
        client.subscribeToDeviceMethod(new OpsMethodHandler(), null, new AckLogger(), "methods");
        client.startDeviceTwin(new AckLogger(), "twin", new DesiredPropertyHandler(), null);
        heartbeatTimer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                if (!linkUp) {
                    try {
                        client.open();
                    } catch (IOException e) {
                        LOG.fine("heartbeat: still offline");
                        return;
                    }
                }
                Message beat = new Message("{\"machine\":\"" + config.machineId + "\",\"state\":\"" + machineState
                        + "\",\"cash\":" + cashInCents.get() + "}");
                beat.setContentType("application/json");
                client.sendEventAsync(beat, new AckLogger(), "heartbeat");
            }
        }, 0, config.heartbeatMillis);
        heartbeatTimer.scheduleAtFixedRate(new NightlyHousekeeping(), millisUntil(3), DAY_MILLIS);
    }

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private static long millisUntil(int hourOfDay) {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now();
        java.time.ZonedDateTime next = now.withHour(hourOfDay).withMinute(0).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return java.time.Duration.between(now, next).toMillis();
    }

    /** 03:00 housekeeping: flush the coin-box counters and make sure the link is up for the morning. */
    private final class NightlyHousekeeping extends TimerTask {
        @Override
        public void run() {
            LOG.info("nightly housekeeping, cash " + cashInCents.get());
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "nightly link check failed", e);
            }
            Message audit = new Message("{\"machine\":\"" + config.machineId + "\",\"cash\":" + cashInCents.get() + "}");
            audit.setProperty("type", "audit");
            client.sendEventAsync(audit, new AckLogger(), "audit");
        }
    }

    /** After the DPS re-provisioning step at boot, switch to the identity it handed out. */
    void applyProvisionedIdentity(String provisionedConnectionString) throws IOException, URISyntaxException {
        if (client != null) {
            client.closeNow();
        }
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(provisionedConnectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(new PriceUpdateHandler(), null);
        client.open();
        LOG.info("now running under the provisioned identity");
    }

    // ----------------------------------------------------------------- vending

    public boolean vend(int slot, int insertedCents) {
        if (machineState != MachineState.READY) {
            return false;
        }
        Integer price = slotPrices.get(slot);
        Integer stock = slotStock.get(slot);
        if (price == null || stock == null || stock == 0 || insertedCents < price) {
            return false;
        }
        machineState = MachineState.VENDING;
        try {
            slotStock.put(slot, stock - 1);
            cashInCents.addAndGet(price);
            Message sale = new Message("{\"slot\":" + slot + ",\"price\":" + price + "}");
            sale.setProperty("event", "sale");
            client.sendEventAsync(sale, new AckLogger(), "sale-" + slot);
            return true;
        } finally {
            machineState = MachineState.READY;
        }
    }

    // ----------------------------------------------------------------- cloud handlers

    private final class PriceUpdateHandler implements MessageCallback {
        @Override
        public IotHubMessageResult execute(Message message, Object context) {
            String body = new String(message.getBytes(), StandardCharsets.UTF_8);
            try {
                for (String entry : body.split(";")) {
                    String[] kv = entry.split(":");
                    slotPrices.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
                }
                return IotHubMessageResult.COMPLETE;
            } catch (RuntimeException e) {
                LOG.warning("bad price update: " + body);
                return IotHubMessageResult.REJECT;
            }
        }
    }

    private final class OpsMethodHandler implements DeviceMethodCallback {
        @Override
        public DeviceMethodData call(String methodName, Object methodData, Object context) {
            switch (methodName) {
                case "enterServiceMode":
                    machineState = MachineState.SERVICE_MODE;
                    return new DeviceMethodData(200, "service mode");
                case "leaveServiceMode":
                    machineState = MachineState.READY;
                    return new DeviceMethodData(200, "ready");
                case "restartLink":
                    opsExecutor.submit(() -> {
                        client.closeNow();
                        client.open();
                        return null;
                    });
                    return new DeviceMethodData(202, "restarting link");
                case "collectCash":
                    long collected = cashInCents.getAndSet(0);
                    return new DeviceMethodData(200, Long.toString(collected));
                default:
                    return new DeviceMethodData(404, "unknown method " + methodName);
            }
        }
    }

    private final class DesiredPropertyHandler implements TwinPropertyCallBack {
        @Override
        public void TwinPropertyCallBack(Property property, Object context) {
            if ("outOfService".equals(property.getKey())) {
                machineState = Boolean.TRUE.equals(property.getValue()) ? MachineState.FAULT : MachineState.READY;
            }
            LOG.info("desired " + property.getKey() + " = " + property.getValue());
        }
    }

    private static final class AckLogger implements IotHubEventCallback {
        @Override
        public void execute(IotHubStatusCode status, Object context) {
            if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                LOG.warning(context + " not acknowledged: " + status);
            }
        }
    }

    public void shutdown() {
        heartbeatTimer.cancel();
        opsExecutor.shutdownNow();
        try {
            client.closeNow();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        SnackVendingController controller = new SnackVendingController(Config.load(args.length > 0 ? args[0] : "vending.properties"));
        String provisioned = System.getenv("DPS_ASSIGNED_CONNECTION_STRING");
        if (provisioned != null) {
            controller.applyProvisionedIdentity(provisioned);
        } else {
            controller.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(controller::shutdown));
        Thread.currentThread().join();
    }
}
