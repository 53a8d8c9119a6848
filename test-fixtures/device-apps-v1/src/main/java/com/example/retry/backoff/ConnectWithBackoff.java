package com.example.retry.backoff;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Connection helpers with retry constructs that reassign the client. */
public class ConnectWithBackoff {
    private final String cs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private DeviceClient client;
    private int attempts;

    public ConnectWithBackoff(String cs) {
        this.cs = cs;
    }

    /** Start-up retry loop: each attempt builds a new client, the failed ones are never closed. */
    public void connectFreshEachTime() throws InterruptedException, URISyntaxException {
        while (true) {
            try {
                client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                break;
            } catch (IOException e) {
                Thread.sleep(5000);
            }
        }
    }

    /** Start-up retry loop that closes the failed client before trying again. */
    public void connectFreshClosing() throws InterruptedException, URISyntaxException {
        boolean connected = false;
        while (!connected) {
            try {
                client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                client.open();
                connected = true;
            } catch (IOException e) {
                try {
                    client.closeNow();
                } catch (IOException ignored) {
                    // nothing more to do
                }
                Thread.sleep(5000);
            }
        }
    }

    /** Bounded for-loop retry returning the opened client; failed attempts leak. */
    public DeviceClient openWithAttempts(int max) throws URISyntaxException, IOException {
        IOException last = null;
        for (int i = 0; i < max; i++) {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try {
                // expect: IotHubOpenRetryWithoutClose
                c.open();
                return c;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Recursive call from the catch; the field is reassigned in each round without closing. */
    public void connectRecursive() throws URISyntaxException, InterruptedException {
        try {
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        } catch (IOException e) {
            Thread.sleep(Math.min(60_000, 1000L << Math.min(attempts++, 6)));
            connectRecursive();
        }
    }

    /** Catch that schedules the same method again; closes the failed client first. */
    public void connectScheduled() {
        try {
            if (client != null) {
                client.closeNow();
            }
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.open();
        } catch (IOException | URISyntaxException e) {
            scheduler.schedule(this::connectScheduled, 10, TimeUnit.SECONDS);
        }
    }

    /**
     * A scheduled reconnect task (re-entry site) containing a retry loop: the assignment sits inside
     * the retry construct, so it is check 2's business, and the failed client is closed in the catch.
     */
    public void startReconnectTask() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (client != null && !isHealthy()) {
                boolean ok = false;
                while (!ok) {
                    try {
                        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                        client.open();
                        ok = true;
                    } catch (IOException | URISyntaxException e) {
                        try {
                            client.closeNow();
                        } catch (IOException ignored) {
                            // best effort
                        }
                    }
                }
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private boolean isHealthy() {
        return attempts < 100;
    }

    public static void main(String[] args) throws Exception {
        ConnectWithBackoff c = new ConnectWithBackoff(args[0]);
        c.connectFreshEachTime();
        c.connectFreshClosing();
        c.openWithAttempts(3);
        c.connectRecursive();
        c.connectScheduled();
        c.startReconnectTask();
    }
}
