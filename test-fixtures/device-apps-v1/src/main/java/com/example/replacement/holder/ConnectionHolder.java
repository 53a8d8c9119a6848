package com.example.replacement.holder;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** Field reassignment in same-class methods: reachable from a Timer vs start-up only. */
public class ConnectionHolder {
    private final String connectionString;
    private final Timer timer = new Timer("iot-watchdog", true);
    private DeviceClient client;
    private volatile boolean connected;

    public ConnectionHolder(String connectionString) throws IOException, URISyntaxException {
        this.connectionString = connectionString;
        init();
    }

    /** Only called from the constructor: start-up. */
    private void init() throws IOException, URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this::onStatus, null);
        client.open();
    }

    private void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        connected = status == IotHubConnectionStatus.CONNECTED;
    }

    public void startWatchdog() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (!connected) {
                    try {
                        reinit();
                    } catch (IOException | URISyntaxException e) {
                        System.err.println("reinit failed " + e);
                    }
                }
            }
        }, 30_000, 30_000);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    ensureClient();
                    refreshIfStale();
                    recreateAfterDisconnect();
                    reset();
                } catch (IOException | URISyntaxException e) {
                    System.err.println("watchdog failed " + e);
                }
            }
        }, 60_000, 60_000);
    }

    /** Reached from the Timer: the live client is overwritten without close. */
    private void reinit() throws IOException, URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this::onStatus, null);
        client.open();
    }

    /** Reached from the Timer: lazy creation, skipped while a client exists. */
    private void ensureClient() throws IOException, URISyntaxException {
        if (client == null) {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            client.open();
        }
    }

    /** Reached from the Timer: the null check is inverted, so it replaces an existing client. */
    private void refreshIfStale() throws IOException, URISyntaxException {
        if (client != null && !connected) {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            client.open();
        }
    }

    /** Reached from the Timer: "null or disconnected" still replaces an existing instance when disconnected. */
    private void recreateAfterDisconnect() throws IOException, URISyntaxException {
        if (client == null || !connected) {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            client.open();
        }
    }

    /** Reached from the Timer: close through a same-class helper, then recreate. */
    private void reset() throws IOException, URISyntaxException {
        if (!connected) {
            shutdown();
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            client.open();
        }
    }

    /** Same body as reinit() but only reachable from main: start-up, quiet. */
    void bootstrap() throws IOException, URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.open();
    }

    public void shutdown() throws IOException {
        if (client != null) {
            client.closeNow();
        }
    }

    public static void main(String[] args) throws Exception {
        ConnectionHolder holder = new ConnectionHolder(args[0]);
        holder.bootstrap();
        holder.startWatchdog();
    }
}
