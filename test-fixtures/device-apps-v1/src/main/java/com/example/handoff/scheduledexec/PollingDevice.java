package com.example.handoff.scheduledexec;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Polls the last known status from a ScheduledExecutorService. */
public class PollingDevice {
    private final DeviceClient telemetryClient;
    private final DeviceClient commandClient;
    private final DeviceClient backupClient;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean forceBackup;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    public PollingDevice() throws URISyntaxException {
        telemetryClient = new DeviceClient(System.getenv("TELEMETRY_CS"), IotHubClientProtocol.MQTT);
        commandClient = new DeviceClient(System.getenv("COMMAND_CS"), IotHubClientProtocol.MQTT);
        backupClient = new DeviceClient(System.getenv("BACKUP_CS"), IotHubClientProtocol.AMQPS);
        telemetryClient.registerConnectionStatusChangeCallback(
                (status, reason, throwable, context) -> lastStatus = status, null);
    }

    void start() throws IOException {
        // quiet: start-up code
        telemetryClient.open();
        // quiet: start-up code
        commandClient.open();
        scheduler.scheduleAtFixedRate(this::pollTelemetry, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(this::pollCommands, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(new Failover(), 1, 1, TimeUnit.MINUTES);
    }

    private void pollTelemetry() {
        if (lastStatus != IotHubConnectionStatus.CONNECTED) {
            try {
                telemetryClient.closeNow();
                // quiet: `!= CONNECTED` is no guard, but "(a) the same client was closed earlier in the same method on every path" and this path starts at a scheduler, not a status callback
                telemetryClient.open();
            } catch (IOException e) {
                System.out.println("telemetry reopen failed: " + e.getMessage());
            }
        }
    }

    private void pollCommands() {
        if (lastStatus != IotHubConnectionStatus.CONNECTED) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                commandClient.open();
            } catch (IOException e) {
                System.out.println("command reopen failed: " + e.getMessage());
            }
        }
    }

    /** A named Runnable handed to the scheduler. */
    class Failover implements Runnable {
        @Override
        public void run() {
            if (IotHubConnectionStatus.DISCONNECTED.equals(lastStatus)) {
                try {
                    // quiet: DISCONNECTED guard, "equals in either order" on a field of type IotHubConnectionStatus
                    telemetryClient.open();
                } catch (IOException e) {
                    System.out.println("failover open failed: " + e.getMessage());
                }
            }
            if (forceBackup) {
                try {
                    commandClient.closeNow();
                    // expect: IotHubOpenWithoutStatusGuard
                    backupClient.open();
                } catch (IOException e) {
                    System.out.println("backup open failed: " + e.getMessage());
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        PollingDevice device = new PollingDevice();
        device.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
