package com.example.handoff.keptreconnect;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

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
        uplink.close();
        try {
            // quiet: check 1 - its only hand-off, in the status callback, is dominated by == DISCONNECTED
            uplink.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    };

    private final Runnable reconnectTelemetry = () -> {
        telemetry.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            telemetry.open(false);
        } catch (IotHubClientException e) {
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
            client.close();
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    public KeptReconnect(String uplinkCs, String telemetryCs, String backupCs) {
        uplink = new DeviceClient(uplinkCs, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(telemetryCs, IotHubClientProtocol.AMQPS);
        backup = new DeviceClient(backupCs, IotHubClientProtocol.AMQPS);
    }

    void start() throws IotHubClientException {
        uplink.setConnectionStatusChangeCallback(context -> {
            // expect: IotHubReopenAfterClientClose
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                pool.execute(reconnectUplink);
            }
        }, null);
        // quiet: single start-up open
        uplink.open(false);
        telemetry.setConnectionStatusChangeCallback(context -> pool.execute(reconnectTelemetry), null);
        // quiet: single start-up open
        telemetry.open(false);
        backup.setConnectionStatusChangeCallback(context -> new Restarter(backup).start(), null);
        // quiet: single start-up open
        backup.open(false);
    }
}
