package com.example.handoff.timerguard;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Scheduled watchdogs over Atomic* state written by the status callback. */
public class Watchdog {
    private final AtomicReference<IotHubConnectionStatus> status =
            new AtomicReference<>(IotHubConnectionStatus.DISCONNECTED);
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final DeviceClient mainClient;
    private final String lazyConnectionString;
    private DeviceClient lazyClient;
    private final ScheduledExecutorService ses = Executors.newScheduledThreadPool(2);

    Watchdog() {
        mainClient = new DeviceClient(System.getenv("MAIN_CS"), IotHubClientProtocol.MQTT);
        lazyConnectionString = System.getenv("LAZY_CS");
    }

    void start() throws IotHubClientException {
        mainClient.setConnectionStatusChangeCallback(ctx -> {
            status.set(ctx.getNewStatus());
            online.set(ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED);
        }, null);
        // quiet: start-up code
        mainClient.open(false);
        ses.scheduleAtFixedRate(this::checkByStatus, 30, 30, TimeUnit.SECONDS);
        ses.scheduleAtFixedRate(this::checkByFlag, 45, 45, TimeUnit.SECONDS);
        ses.scheduleWithFixedDelay(this::checkWithLatch, 60, 60, TimeUnit.SECONDS);
        ses.scheduleWithFixedDelay(this::ensureLazy, 0, 10, TimeUnit.SECONDS);
        ses.scheduleAtFixedRate(this::rotateLazy, 1, 1, TimeUnit.HOURS);
        ses.scheduleWithFixedDelay(this::retryUntilOpen, 2, 2, TimeUnit.MINUTES);
        ses.scheduleWithFixedDelay(this::retryWhileDisconnected, 3, 3, TimeUnit.MINUTES);
    }

    private void checkByStatus() {
        if (status.get() == IotHubConnectionStatus.DISCONNECTED) {
            try {
                // quiet: `==` DISCONNECTED on a getter of type IotHubConnectionStatus, tracked from the status callback
                mainClient.open(false);
            } catch (IotHubClientException e) {
                System.out.println("open failed: " + e.getMessage());
            }
        }
    }

    private void checkByFlag() {
        if (!online.get()) {
            try {
                // quiet: tracked state — boolean (AtomicBoolean) set only in the status callback; "trusted as the app's own model even where it is also false while retrying"
                mainClient.open(false);
            } catch (IotHubClientException e) {
                System.out.println("open failed: " + e.getMessage());
            }
        }
    }

    private void checkWithLatch() {
        if (reconnecting.compareAndSet(false, true)) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                mainClient.open(false);
            } catch (IotHubClientException e) {
                System.out.println("open failed: " + e.getMessage());
            } finally {
                reconnecting.set(false);
            }
        }
    }

    private void ensureLazy() {
        if (lazyClient == null) {
            // quiet: check 4(a) "a null check that skips creation when a client exists is safe"
            lazyClient = new DeviceClient(lazyConnectionString, IotHubClientProtocol.AMQPS);
            try {
                // quiet: "(b) the client was created earlier in the same method on every path"
                lazyClient.open(false);
            } catch (IotHubClientException e) {
                System.out.println("lazy open failed: " + e.getMessage());
            }
        }
    }

    private void rotateLazy() {
        DeviceClient old = lazyClient;
        // expect: IotHubClientReplacedWithoutClose
        lazyClient = new DeviceClient(lazyConnectionString, IotHubClientProtocol.AMQPS);
        try {
            // quiet: "(b) the client was created earlier in the same method on every path"
            lazyClient.open(false);
            lazyClient.sendEvent(new Message("{\"rotated\":true}"));
        } catch (IotHubClientException | InterruptedException e) {
            System.out.println("rotation failed: " + e.getMessage());
        }
        if (old != null) {
            old.close();
        }
    }

    /** Unguarded retry loop on a scheduler thread: check 1 matches first ("one call, one diagnostic"). */
    private void retryUntilOpen() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                mainClient.open(false);
                return;
            } catch (IotHubClientException e) {
                sleepQuietly(5000);
            }
        }
    }

    /** Guarded retry loop without a close between attempts: check 2. */
    private void retryWhileDisconnected() {
        if (status.get() != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                mainClient.open(false);
                return;
            } catch (IotHubClientException e) {
                sleepQuietly(5000);
            }
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
        new Watchdog().start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
