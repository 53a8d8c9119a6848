package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Check 2 (IotHubOpenRetryWithoutClose): every retry construct kind, without and with the close. */
public class RetryConstructs {
    enum Phase { IDLE, UP }

    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private DeviceClient client;
    private DeviceClient fallback;
    private volatile boolean connected;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public RetryConstructs() {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(ctx -> connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED, null);
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(1000L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- loop + break ----

    void whileTrueBreakNoClose() {
        int attempt = 0;
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                backoff(attempt++);
            }
        }
    }

    void whileTrueBreakCloseInCatch() {
        int attempt = 0;
        while (true) {
            try {
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                client.close();
                backoff(attempt++);
            }
        }
    }

    // ---- loop + return ----

    boolean boundedAttemptsReturnNoClose() throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                return true;
            } catch (IotHubClientException e) {
                if (!e.isRetryable()) {
                    return false;
                }
                Thread.sleep(2000L * attempt);
            }
        }
        return false;
    }

    boolean boundedAttemptsReturnCloseInCatch() throws InterruptedException {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                client.open(false);
                return true;
            } catch (IotHubClientException e) {
                client.close();
                Thread.sleep(2000L * attempt);
            }
        }
        return false;
    }

    // ---- loop + flag tested by the loop condition ----

    void flagLoopNoClose() {
        boolean opened = false;
        int attempt = 0;
        while (!opened) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                opened = true;
            } catch (IotHubClientException e) {
                backoff(attempt++);
            }
        }
    }

    void flagLoopCloseBeforeOpenSameIteration() {
        boolean opened = false;
        int attempt = 0;
        while (!opened) {
            client.close();
            try {
                client.open(false);
                opened = true;
            } catch (IotHubClientException e) {
                backoff(attempt++);
            }
        }
    }

    void doWhileFlagNoClose() {
        boolean opened = false;
        int attempt = 0;
        do {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                opened = true;
            } catch (IotHubClientException e) {
                backoff(attempt++);
            }
        } while (!opened && attempt < 10);
    }

    void statusEnumLoopNoClose() {
        Phase phase = Phase.IDLE;
        while (phase != Phase.UP) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                phase = Phase.UP;
            } catch (IotHubClientException e) {
                backoff(1);
            }
        }
    }

    void closeOfFailedAttemptInFinally() {
        boolean opened = false;
        while (!opened) {
            try {
                client.open(false);
                opened = true;
            } catch (IotHubClientException e) {
                backoff(1);
            } finally {
                if (!opened) {
                    client.close();
                }
            }
        }
    }

    // ---- catch that opens the same client again ----

    void catchOpensAgainNoClose() throws IotHubClientException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException first) {
            client.open(false);
        }
    }

    void catchClosesThenOpensAgain() throws IotHubClientException {
        try {
            client.open(false);
        } catch (IotHubClientException first) {
            client.close();
            client.open(false);
        }
    }

    // ---- catch re-calls the method holding the open (recursion) ----

    void connectRecursiveNoClose(int attemptsLeft) throws IotHubClientException {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            if (attemptsLeft == 0) {
                throw e;
            }
            backoff(3);
            connectRecursiveNoClose(attemptsLeft - 1);
        }
    }

    void connectRecursiveWithClose(int attemptsLeft) throws IotHubClientException {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            client.close();
            if (attemptsLeft == 0) {
                throw e;
            }
            connectRecursiveWithClose(attemptsLeft - 1);
        }
    }

    // ---- catch re-calls it through a same-class method ----

    void connectViaHelperNoClose() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            waitAndTryAgain();
        }
    }

    private void waitAndTryAgain() {
        backoff(2);
        connectViaHelperNoClose();
    }

    // ---- catch schedules the method again (the scheduled method is guarded by tracked state) ----

    void connectGuardedScheduledRetryNoClose() {
        if (!connected) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
            } catch (IotHubClientException e) {
                scheduler.schedule(this::connectGuardedScheduledRetryNoClose, 10, TimeUnit.SECONDS);
            }
        }
    }

    void connectGuardedScheduledRetryWithClose() {
        if (!connected) {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                client.close();
                scheduler.schedule(this::connectGuardedScheduledRetryWithClose, 10, TimeUnit.SECONDS);
            }
        }
    }

    // unguarded, rescheduled from its own catch: a retry construct (its scheduled round is no root), so check 2
    void connectUnguardedScheduledRetry() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            client.open(false);
        } catch (IotHubClientException e) {
            scheduler.schedule(this::connectUnguardedScheduledRetry, 10, TimeUnit.SECONDS);
        }
    }

    // ---- a new client per attempt: the failed one must be closed too ----

    void newClientPerAttemptNoClose() {
        int attempt = 0;
        while (true) {
            client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                backoff(attempt++);
            }
        }
    }

    void newClientPerAttemptClosesFailedOne() {
        int attempt = 0;
        while (true) {
            client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                client.close();
                backoff(attempt++);
            }
        }
    }

    void newLocalClientPerAttemptNoClose() {
        for (int attempt = 0; attempt < 5; attempt++) {
            DeviceClient candidate = new DeviceClient(CS, IotHubClientProtocol.MQTT);
            try {
                // expect: IotHubOpenRetryWithoutClose
                candidate.open(false);
                client = candidate;
                return;
            } catch (IotHubClientException e) {
                backoff(attempt);
            }
        }
    }

    // ---- a retry construct at a guarded re-entry site: the assignment is check 2's, not check 4's ----

    void guardedWatchdogRecreatesInRetryLoop() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (!connected) {
                int attempt = 0;
                while (true) {
                    try {
                        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
                        // expect: IotHubOpenRetryWithoutClose
                        client.open(false);
                        break;
                    } catch (IotHubClientException e) {
                        backoff(attempt++);
                    }
                }
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    private void openOnce() throws IotHubClientException {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
    }

    // the loop retries a same-class method that holds the open()
    void loopAroundHelperNoClose() {
        for (int attempt = 0; ; attempt++) {
            try {
                openOnce();
                break;
            } catch (IotHubClientException e) {
                backoff(attempt);
            }
        }
    }

    void closesADifferentClientBeforeEachAttempt() {
        fallback = new DeviceClient(CS, IotHubClientProtocol.HTTPS);
        boolean opened = false;
        while (!opened) {
            fallback.close();
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                opened = true;
            } catch (IotHubClientException e) {
                backoff(1);
            }
        }
    }


    private static final long[] BACKOFF_MS = {1_000, 2_000, 4_000, 8_000};

    // an enhanced for over a backoff table is still a loop around the open() that leaves after success
    void backoffTableRetryNoClose() throws InterruptedException {
        for (long delay : BACKOFF_MS) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                return;
            } catch (IotHubClientException e) {
                Thread.sleep(delay);
            }
        }
    }

    void backoffTableRetryWithClose() throws InterruptedException {
        for (long delay : BACKOFF_MS) {
            try {
                client.open(false);
                return;
            } catch (IotHubClientException e) {
                client.close();
                Thread.sleep(delay);
            }
        }
    }
}
