package com.example.apps.parkingkiosk;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parking pay station (SDK 1.x). Payment events go to the primary hub; if that hub is unreachable at boot
 * the kiosk fails over to the secondary region. Peripheral boards (card reader, printer) have their own
 * identities so the vendor can monitor them.
 */
public class ParkingKiosk {
    private static final Logger LOG = Logger.getLogger(ParkingKiosk.class.getName());

    private final String primaryConnectionString;
    private final String secondaryConnectionString;
    DeviceClient primary;
    DeviceClient secondary;
    DeviceClient active;
    private final Map<String, DeviceClient> peripherals = new ConcurrentHashMap<>();
    private volatile IotHubConnectionStatus activeStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> unsentPayments = new ArrayList<>();

    ParkingKiosk(String primaryConnectionString, String secondaryConnectionString) throws URISyntaxException {
        this.primaryConnectionString = primaryConnectionString;
        this.secondaryConnectionString = secondaryConnectionString;
        this.primary = new DeviceClient(primaryConnectionString, IotHubClientProtocol.MQTT);
        this.secondary = new DeviceClient(secondaryConnectionString, IotHubClientProtocol.MQTT);
    }

    /** Watches the peripherals; one instance per kiosk. */
    static final class PeripheralWatchdog implements Runnable {
        private final ParkingKiosk kiosk;

        PeripheralWatchdog(ParkingKiosk kiosk) {
            this.kiosk = kiosk;
        }

        @Override
        public void run() {
            if (kiosk.activeStatus != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            try {
                kiosk.active.closeNow();
                kiosk.active.open();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "watchdog reopen failed", e);
            }
        }
    }

    private final IotHubConnectionStatusChangeCallback activeStatusCallback = new IotHubConnectionStatusChangeCallback() {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
            activeStatus = status;
            LOG.info("payment link " + status + " (" + reason + ")");
            if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                LOG.severe("payment identity revoked, closing all peripheral links too");
                peripherals.values().forEach(p -> {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        p.closeNow();
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "peripheral close failed", e);
                    }
                });
            }
        }
    };

    void boot() throws IOException {
        primary.registerConnectionStatusChangeCallback(activeStatusCallback, null);
        secondary.registerConnectionStatusChangeCallback(activeStatusCallback, null);
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                primary.open();
                active = primary;
                break;
            } catch (IOException e) {
                LOG.warning("primary hub attempt " + attempt + " failed: " + e.getMessage());
                primary.closeNow();
            }
        }
        if (active == null) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    // expect: IotHubOpenRetryWithoutClose
                    secondary.open();
                    active = secondary;
                    break;
                } catch (IOException e) {
                    LOG.warning("secondary hub attempt " + attempt + " failed: " + e.getMessage());
                    primary.closeNow();
                }
            }
        }
        if (active == null) {
            throw new IOException("no hub reachable");
        }
        for (String board : new String[] {"cardReader", "printer"}) {
            String cs = System.getenv(board.toUpperCase(Locale.ROOT) + "_CS");
            if (cs == null) {
                continue;
            }
            try {
                DeviceClient p = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
                p.open();
                peripherals.put(board, p);
            } catch (URISyntaxException e) {
                LOG.warning("bad connection string for " + board);
            }
        }
        scheduler.scheduleWithFixedDelay(new PeripheralWatchdog(this), 1, 1, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(this::retryUnsent, 30, 30, TimeUnit.SECONDS);
    }

    /** Sends a payment; if the client turns out not to be open, opens it and sends again. */
    void reportPayment(String plate, int cents) throws IOException {
        String json = String.format(Locale.ROOT, "{\"plate\":\"%s\",\"cents\":%d,\"ts\":%d}", plate, cents, System.currentTimeMillis());
        Message payment = new Message(json);
        payment.setProperty("type", "payment");
        try {
            active.sendEventAsync(payment, new PaymentAck(), json);
        } catch (IllegalStateException notOpen) {
            LOG.warning("payment client not open, opening it");
            // expect: IotHubOpenWithoutStatusGuard
            active.open();
            active.sendEventAsync(payment, new PaymentAck(), json);
        }
    }

    private final class PaymentAck implements IotHubEventCallback {
        @Override
        public void execute(IotHubStatusCode status, Object context) {
            if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                synchronized (unsentPayments) {
                    unsentPayments.add((String) context);
                }
            }
        }
    }

    private void retryUnsent() {
        List<String> batch;
        synchronized (unsentPayments) {
            batch = new ArrayList<>(unsentPayments);
            unsentPayments.clear();
        }
        for (String json : batch) {
            active.sendEventAsync(new Message(json), new PaymentAck(), json);
        }
    }

    void shutdown() {
        scheduler.shutdownNow();
        for (DeviceClient p : peripherals.values()) {
            try {
                p.closeNow();
            } catch (IOException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
        }
        try {
            primary.closeNow();
            secondary.closeNow();
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        ParkingKiosk kiosk = new ParkingKiosk(System.getenv("PRIMARY_CS"), System.getenv("SECONDARY_CS"));
        kiosk.boot();
        kiosk.reportPayment("M-AB 1234", 350);
        Runtime.getRuntime().addShutdownHook(new Thread(kiosk::shutdown));
        Thread.currentThread().join();
    }
}
