package com.example.handoff.timerwatchdog;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** java.util.Timer based watchdogs with named TimerTask classes. */
public class TimerWatchdog {
    private final DeviceClient client;
    private final String diagConnectionString;
    private DeviceClient diagClient;
    private final Timer timer = new Timer("watchdog", true);
    private volatile boolean linkUp;
    private volatile boolean reconnectScheduled;

    public TimerWatchdog(String connectionString, String diagConnectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        this.diagConnectionString = diagConnectionString;
        client.registerConnectionStatusChangeCallback(new StatusTracker(), null);
    }

    class StatusTracker implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                Throwable throwable, Object callbackContext) {
            linkUp = status == IotHubConnectionStatus.CONNECTED;
            if (status == IotHubConnectionStatus.CONNECTED) {
                reconnectScheduled = false;
            }
        }
    }

    /** Guarded by tracked state written in the status callback. */
    class ReconnectTask extends TimerTask {
        @Override
        public void run() {
            if (!linkUp) {
                try {
                    // quiet: "tracked state — a boolean ... field assigned inside a status callback of the class (if (!connected))"; "trusted ... even where it is also false while retrying"
                    client.open();
                } catch (IOException e) {
                    System.out.println("watchdog open failed: " + e.getMessage());
                }
            }
        }
    }

    /** Guarded only by the app's own "reconnect in progress" flag. */
    class HealthTask extends TimerTask {
        @Override
        public void run() {
            if (!reconnectScheduled) {
                reconnectScheduled = true;
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    reconnectScheduled = false;
                }
            }
        }
    }

    /** Close in an earlier call, open in a later call of the same task. */
    class RefreshTask extends TimerTask {
        @Override
        public void run() {
            try {
                shutdownLink();
                reopenLink();
            } catch (IOException e) {
                System.out.println("refresh failed: " + e.getMessage());
            }
        }
    }

    private void shutdownLink() throws IOException {
        client.closeNow();
    }

    private void reopenLink() throws IOException {
        // quiet: "(a), (b), (b') look along the path, into earlier calls and callers" — RefreshTask.run() closed the client first
        client.open();
    }

    void start() throws IOException {
        // quiet: start-up code, a single open
        client.open();
        timer.schedule(new ReconnectTask(), 30_000, 30_000);
        TimerTask health = new HealthTask();
        timer.scheduleAtFixedRate(health, 10_000, 10_000);
        timer.schedule(new RefreshTask(), 3_600_000, 3_600_000);
        startDiagnostics();
    }

    void startDiagnostics() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    // expect: IotHubClientReplacedWithoutClose
                    diagClient = new DeviceClient(diagConnectionString, IotHubClientProtocol.MQTT);
                    // quiet: "(b) the client was created earlier in the same method on every path"
                    diagClient.open();
                    diagClient.sendEventAsync(new Message("{\"diag\":true}"), null, null);
                } catch (URISyntaxException | IOException e) {
                    System.out.println("diagnostics failed: " + e.getMessage());
                }
            }
        }, 0, 60_000);
    }

    public static void main(String[] args) throws Exception {
        TimerWatchdog w = new TimerWatchdog(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"),
                System.getenv("IOTHUB_DIAG_CONNECTION_STRING"));
        w.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
