package com.example.handoff.selftask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tasks that pass themselves on: one retries by posting itself back from its catch, one is started as a thread. */
public class DoorLockLink {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private DeviceClient client;
    private volatile boolean connected; // written only by the status callback

    /** Posts itself back after a failed open, without closing the failed client first. */
    private final class ConnectAttempt implements Runnable {
        @Override
        public void run() {
            if (connected) {
                return;
            }
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
            } catch (IOException e) {
                scheduler.schedule(this, 5, TimeUnit.SECONDS);
            }
        }
    }

    /** The same retry with the failed client closed first: quiet. */
    private final class CleanConnectAttempt implements Runnable {
        @Override
        public void run() {
            if (connected) {
                return;
            }
            try {
                client.open();
            } catch (IOException e) {
                try {
                    client.closeNow();
                } catch (IOException closeFailure) {
                    System.err.println(closeFailure.getMessage());
                }
                scheduler.schedule(this, 5, TimeUnit.SECONDS);
            }
        }
    }

    public void start(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(
            (status, reason, throwable, context) -> connected = status == IotHubConnectionStatus.CONNECTED, null);
        scheduler.execute(new ConnectAttempt());
        scheduler.execute(new CleanConnectAttempt());
    }

    /** A pump that starts itself on its own thread: its run() runs there, a re-entry site. */
    public static class Pump implements Runnable {
        private final DeviceClient pumpClient;

        public Pump(String connectionString) throws URISyntaxException {
            pumpClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        }

        public void start() {
            new Thread(this, "pump").start();
        }

        @Override
        public void run() {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                pumpClient.open();
            } catch (IOException e) {
                System.err.println("pump link failed: " + e.getMessage());
            }
        }
    }
}
