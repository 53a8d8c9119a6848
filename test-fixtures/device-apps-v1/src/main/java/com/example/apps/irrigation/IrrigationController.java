package com.example.apps.irrigation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Farm irrigation controller (SDK 1.x) on a solar-powered box with a flaky 3G modem: 8 valve zones,
 * soil-moisture probes, schedules pushed from the agronomist's dashboard.
 */
public class IrrigationController implements IotHubConnectionStatusChangeCallback {
    private static final Logger LOG = Logger.getLogger(IrrigationController.class.getName());
    private static final int ZONES = 8;

    private final String connectionString;
    private DeviceClient client;
    private volatile IotHubConnectionStatus linkStatus = IotHubConnectionStatus.DISCONNECTED;
    private final boolean[] valveOpen = new boolean[ZONES];
    private final double[] moisture = new double[ZONES];
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private ScheduledFuture<?> telemetryTask;

    IrrigationController(String connectionString) throws URISyntaxException {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        Arrays.fill(moisture, 0.3);
    }

    /** Reconnect worker started by the status callback. */
    private final class Reconnector implements Runnable {
        @Override
        public void run() {
            try {
                client.closeNow();
                client.open();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "modem reconnect failed", e);
            }
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        linkStatus = status;
        LOG.info("3G link " + status + " (" + reason + ")");
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            new Thread(new Reconnector(), "modem-reconnect").start();
        }
    }

    void start() throws IOException, InterruptedException {
        client.registerConnectionStatusChangeCallback(this, null);
        for (int attempt = 1; ; attempt++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                break;
            } catch (IOException e) {
                LOG.warning("modem not ready (attempt " + attempt + "): " + e.getMessage());
                if (attempt % 3 == 0) {
                    // every third failure, reset the MQTT session completely
                    client.closeNow();
                }
                Thread.sleep(5_000);
            }
        }
        client.subscribeToDeviceMethod((m, d, c) -> onMethod(m, d), null, (s, c) -> LOG.fine("methods " + s), null);
        telemetryTask = scheduler.scheduleAtFixedRate(this::reportMoisture, 0, 10, TimeUnit.MINUTES);
    }

    /** Stops telemetry and closes the session; shared by the restart and shutdown paths. */
    private void teardownLink() {
        if (telemetryTask != null) {
            telemetryTask.cancel(false);
        }
        try {
            client.closeNow();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closeNow failed", e);
        }
    }

    /** Direct method "restartLink": restart the session without touching the valves. */
    private void restartLink() {
        teardownLink();
        try {
            // teardownLink() closed the client just before: a deliberate close-then-reopen, quiet
            client.open();
            telemetryTask = scheduler.scheduleAtFixedRate(this::reportMoisture, 0, 10, TimeUnit.MINUTES);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "restart failed", e);
        }
    }

    /** Direct method "rekey": the agronomist's dashboard pushed a new connection string. */
    private void rekey(String newConnectionString) {
        teardownLink();
        try {
            client = new DeviceClient(newConnectionString, IotHubClientProtocol.MQTT);
            client.registerConnectionStatusChangeCallback(this, null);
            client.open();
            telemetryTask = scheduler.scheduleAtFixedRate(this::reportMoisture, 0, 10, TimeUnit.MINUTES);
        } catch (IOException | URISyntaxException e) {
            LOG.log(Level.SEVERE, "rekey failed", e);
        }
    }

    private void reportMoisture() {
        for (int z = 0; z < ZONES; z++) {
            moisture[z] = Math.max(0, Math.min(1, moisture[z] + (valveOpen[z] ? 0.02 : -0.005)));
        }
        if (linkStatus != IotHubConnectionStatus.CONNECTED) {
            return;
        }
        StringBuilder json = new StringBuilder("{\"moisture\":[");
        for (int z = 0; z < ZONES; z++) {
            json.append(String.format(Locale.ROOT, "%.3f", moisture[z])).append(z < ZONES - 1 ? "," : "]}");
        }
        client.sendEventAsync(new Message(json.toString()), (status, ctx) -> {
            if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                LOG.fine("moisture report: " + status);
            }
        }, null);
    }

    private DeviceMethodData onMethod(String method, Object data) {
        String arg = String.valueOf(data).replace("\"", "");
        switch (method) {
            case "openValve":
                valveOpen[Integer.parseInt(arg)] = true;
                return new DeviceMethodData(200, null);
            case "closeValve":
                valveOpen[Integer.parseInt(arg)] = false;
                return new DeviceMethodData(200, null);
            case "restartLink":
                scheduler.execute(this::restartLink);
                return new DeviceMethodData(202, null);
            case "rekey":
                scheduler.execute(() -> rekey(arg));
                return new DeviceMethodData(202, null);
            default:
                return new DeviceMethodData(404, "unknown");
        }
    }

    void shutdown() {
        Arrays.fill(valveOpen, false);
        teardownLink();
        scheduler.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        IrrigationController controller = new IrrigationController(System.getenv("IRRIGATION_CS"));
        Runtime.getRuntime().addShutdownHook(new Thread(controller::shutdown));
        controller.start();
        Thread.currentThread().join();
    }
}
