package com.example.statusguard.watchdog;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background supervisor for a gateway's upstream DeviceClient. Several supervision strategies,
 * picked by configuration.
 */
public class LinkWatchdog implements Runnable {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.CONNECTED;
    private volatile boolean running = true;

    public LinkWatchdog(DeviceClient client) {
        this.client = client;
        client.registerConnectionStatusChangeCallback(new StatusRecorder(), this);
    }

    /** Inner named class: only records the status. */
    private class StatusRecorder implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason,
                            Throwable throwable, Object context) {
            status = newStatus;
        }
    }

    public void start(String mode) {
        switch (mode) {
            case "naive":
                new Thread(this, "link-watchdog").start();
                break;
            case "strict":
                pool.submit(this::superviseStrict);
                break;
            case "await":
                pool.execute(this::awaitAndReopen);
                break;
            case "force":
                pool.submit(() -> {
                    forceReopen();
                    return null;
                });
                break;
            case "patient":
                pool.execute(this::waitForSdkThenReopen);
                break;
            case "validate":
                pool.execute(this::validateThenReopen);
                break;
            case "untilConnected":
                pool.execute(this::reopenUntilConnected);
                break;
            default:
                CompletableFuture.runAsync(this::reopenWhileDown, pool);
        }
    }

    /** Naive strategy: anything but CONNECTED means "reopen". */
    @Override
    public void run() {
        while (running) {
            sleepQuietly(5000);
            if (status != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    System.err.println("watchdog reopen failed: " + e);
                }
            }
        }
    }

    private void superviseStrict() {
        while (running) {
            sleepQuietly(5000);
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                continue;
            }
            try {
                client.open();
            } catch (IOException e) {
                System.err.println("strict reopen failed: " + e);
            }
        }
    }

    private void awaitAndReopen() {
        while (running) {
            sleepQuietly(1000);
            if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                continue;
            }
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                break;
            }
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                return;
            } catch (IOException e) {
                System.err.println("open failed, will retry: " + e);
            }
        }
    }

    private void forceReopen() {
        if (status != IotHubConnectionStatus.DISCONNECTED) {
            throw new IllegalStateException("link is " + status + ", the SDK owns it");
        }
        try {
            client.open();
        } catch (IOException e) {
            System.err.println("forced reopen failed: " + e);
        }
    }

    private void reopenWhileDown() {
        while (status == IotHubConnectionStatus.DISCONNECTED) {
            try {
                client.open();
            } catch (IOException e) {
                try {
                    client.closeNow();
                } catch (IOException ignored) {
                    // nothing to do
                }
                sleepQuietly(2000);
            }
        }
    }

    /** Gives the SDK 30 s to finish its own retries before stepping in. */
    private void waitForSdkThenReopen() {
        for (int i = 0; i < 30; i++) {
            if (status != IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                break;
            }
            sleepQuietly(1000);
        }
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("open after waiting failed: " + e);
        }
        while (status == IotHubConnectionStatus.DISCONNECTED) {
            sleepQuietly(1000);
        }
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("refresh open failed: " + e);
        }
    }

    private void validateThenReopen() {
        try {
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                throw new IllegalStateException("link not down: " + status);
            }
            System.out.println("link is down, validating credentials");
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
        }
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("open after validation failed: " + e);
        }
    }

    private void reopenUntilConnected() {
        do {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                try {
                    client.closeNow();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            sleepQuietly(5000);
        } while (status == IotHubConnectionStatus.DISCONNECTED);
    }

    public void stop() {
        running = false;
        pool.shutdownNow();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
