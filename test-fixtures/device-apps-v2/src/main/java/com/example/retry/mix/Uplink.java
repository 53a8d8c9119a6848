package com.example.retry.mix;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Start-up retries, a pump loop that reopens every round, and per-round local clients. */
public class Uplink {
    private final String connectionString;
    private DeviceClient link;
    private volatile boolean running = true;
    private final ExecutorService background = Executors.newFixedThreadPool(3);

    Uplink(String connectionString) {
        this.connectionString = connectionString;
    }

    /** New client per attempt, the failed one is never closed. */
    static DeviceClient connectWithFreshClients(String cs) throws InterruptedException {
        DeviceClient c;
        for (int attempt = 1; attempt <= 5; attempt++) {
            // quiet: check 4 — "Assignments inside a retry construct are check 2's" (and this is start-up code)
            c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try {
                // expect: IotHubOpenRetryWithoutClose
                c.open(false);
                return c;
            } catch (IotHubClientException e) {
                Thread.sleep(1000L * attempt);
            }
        }
        throw new IllegalStateException("could not connect");
    }

    /** New client per attempt, the failed one is closed in the catch. */
    static DeviceClient connectCarefully(String cs) throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            try {
                // quiet: retried start-up open, the failed client is closed in the catch
                c.open(false);
                return c;
            } catch (IotHubClientException e) {
                c.close();
                Thread.sleep(1000L * attempt);
            }
        }
        throw new IllegalStateException("could not connect");
    }

    /** Runs on a background thread: opens the same field client on every round. */
    void pump() {
        while (running) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                link.open(false);
                link.sendEvent(new Message("{\"tick\":true}"));
            } catch (IotHubClientException | InterruptedException e) {
                System.out.println("pump round failed: " + e.getMessage());
            }
            sleepQuietly(30_000);
        }
    }

    /** Runs on a background thread: a fresh local client per round, never closed. */
    void burst() {
        while (running) {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient shot = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            try {
                // quiet: "(b) the client was created earlier in the same method on every path" (a new instance each round)
                shot.open(false);
                shot.sendEvent(new Message("{\"burst\":true}"));
            } catch (IotHubClientException | InterruptedException e) {
                System.out.println("burst failed: " + e.getMessage());
            }
            sleepQuietly(60_000);
        }
    }

    /** Same as burst(), but the local client is closed on every path. */
    void burstSafely() {
        while (running) {
            // quiet: check 4(d) — closed on every path by the finally
            DeviceClient shot = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
            try {
                // quiet: "(b) the client was created earlier in the same method on every path"
                shot.open(false);
                shot.sendEvent(new Message("{\"burst\":\"safe\"}"));
            } catch (IotHubClientException | InterruptedException e) {
                System.out.println("burst failed: " + e.getMessage());
            } finally {
                shot.close();
            }
            sleepQuietly(60_000);
        }
    }

    /** Start-up: the local shadows the field "link", so the field's client is never the one opened. */
    void initShadowed() throws IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient link = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        // quiet: start-up code, a single open
        link.open(false);
    }

    /** Start-up: a local with a different name is fine. */
    void initProbe() throws IotHubClientException, InterruptedException {
        // quiet: check 4(c) needs the name of a client field; 4(d) needs a re-entry site
        DeviceClient probe = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        // quiet: start-up code, a single open
        probe.open(false);
        probe.sendEvent(new Message("{\"hello\":true}"));
    }

    /** Not opened here: a local named like the field that only aliases it. */
    void report() {
        // quiet: check 4(c) needs "a local client variable, opened"; this alias is never opened
        DeviceClient link = this.link;
        if (link != null) {
            link.sendEventAsync(new Message("{\"report\":true}"), null, null);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        String cs = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
        Uplink uplink = new Uplink(cs);
        uplink.link = connectWithFreshClients(cs);
        DeviceClient spare = connectCarefully(cs);
        uplink.initShadowed();
        uplink.initProbe();
        uplink.report();
        uplink.background.execute(uplink::pump);
        uplink.background.execute(uplink::burst);
        uplink.background.execute(uplink::burstSafely);
        Thread.sleep(Long.MAX_VALUE);
        spare.close();
    }
}
