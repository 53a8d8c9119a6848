package com.example.handoff.keptreconnect;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reconnects kept in fields and handed off from the status callbacks: they run on paths that start in the callback
 * that hands them off, not where they were created. A Thread subclass runs from where a callback starts it.
 */
public class KeptReconnect {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private DeviceClient uplink; // not final: the field initializers' lambdas below read it
    private DeviceClient telemetry;
    private final DeviceClient backup;

    private final Runnable reconnectUplink = () -> {
        try {
            uplink.closeNow();
            // quiet: check 1 - its only hand-off, in the status callback, is dominated by == DISCONNECTED
            uplink.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    };

    private final Runnable reconnectTelemetry = () -> {
        try {
            telemetry.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            telemetry.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    };

    static final class Restarter extends Thread {
        private final DeviceClient client;

        Restarter(DeviceClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                client.closeNow();
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    public KeptReconnect(String uplinkCs, String telemetryCs, String backupCs) throws URISyntaxException {
        uplink = new DeviceClient(uplinkCs, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(telemetryCs, IotHubClientProtocol.AMQPS);
        backup = new DeviceClient(backupCs, IotHubClientProtocol.AMQPS);
    }

    void start() throws IOException {
        uplink.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                pool.execute(reconnectUplink);
            }
        }, null);
        // quiet: single start-up open
        uplink.open();
        telemetry.registerConnectionStatusChangeCallback((status, reason, cause, context) -> pool.execute(reconnectTelemetry), null);
        // quiet: single start-up open
        telemetry.open();
        backup.registerConnectionStatusChangeCallback((status, reason, cause, context) -> new Restarter(backup).start(), null);
        // quiet: single start-up open
        backup.open();
    }
}
