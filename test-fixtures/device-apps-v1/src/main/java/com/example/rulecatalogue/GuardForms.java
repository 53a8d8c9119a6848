package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * DISCONNECTED guard forms, checked outside status callbacks: a watchdog task (scheduler = re-entry site)
 * re-opens the field client. Guarded -> nothing; not a guard -> IotHubOpenWithoutStatusGuard.
 */
public class GuardForms {
    enum LinkState { UP, DOWN }

    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean connected;
    private volatile LinkState state = LinkState.DOWN;
    private volatile boolean configured;      // never assigned in the status callback
    private volatile boolean shuttingDown;
    private volatile boolean running = true;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public GuardForms() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            lastStatus = status;
            connected = status == IotHubConnectionStatus.CONNECTED;
            state = status == IotHubConnectionStatus.DISCONNECTED ? LinkState.DOWN : LinkState.UP;
        }, null);
        configured = true;
    }

    private static void log(String s, Exception e) {
        System.err.println(s + ": " + e);
    }

    IotHubConnectionStatus getLastStatus() {
        return lastStatus;
    }

    private boolean isDisconnected() {
        return lastStatus == IotHubConnectionStatus.DISCONNECTED;
    }

    private boolean isLinkUp() {
        return lastStatus == IotHubConnectionStatus.CONNECTED;
    }

    void watchdogEqualsGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogNoGuardAtAll() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogNotEqualsWithReturn() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            try {
                client.open();
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogNotEqualsWithThrow() {
        scheduler.submit(() -> {
            if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                throw new IllegalStateException("link is owned by the SDK right now");
            }
            client.open();
            return null;
        });
    }

    void watchdogLoopNotEqualsWithContinue() {
        new Thread(() -> {
            while (running) {
                sleepQuietly(5000);
                if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                    continue;
                }
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }).start();
    }

    void watchdogLoopNotEqualsWithBreak() {
        new Thread(() -> {
            while (running) {
                if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                    break;
                }
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
                sleepQuietly(5000);
            }
        }).start();
    }

    void watchdogNotEqualsWithoutEarlyExit() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                System.out.println("still owned by the SDK");
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogEqualsMethodOnField() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus.equals(IotHubConnectionStatus.DISCONNECTED)) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogEqualsMethodOnConstant() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(lastStatus)) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSwitchStatementOldForm() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                switch (lastStatus) {
                    case DISCONNECTED:
                        client.open();
                        break;
                    default:
                        break;
                }
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSwitchStatementArrowForm() {
        scheduler.scheduleWithFixedDelay(() -> {
            switch (lastStatus) {
                case DISCONNECTED -> {
                    try {
                        client.open();
                    } catch (IOException e) {
                        log("reopen failed", e);
                    }
                }
                case CONNECTED, DISCONNECTED_RETRYING -> System.out.println("nothing to do");
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSwitchExpression() {
        scheduler.scheduleWithFixedDelay(() -> {
            String outcome = switch (lastStatus) {
                case DISCONNECTED -> {
                    try {
                        client.open();
                        yield "reopened";
                    } catch (IOException e) {
                        yield "failed: " + e;
                    }
                }
                default -> "left to the SDK";
            };
            System.out.println(outcome);
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSwitchRetryingAndDisconnectedTogether() {
        scheduler.scheduleWithFixedDelay(() -> {
            switch (lastStatus) {
                case DISCONNECTED_RETRYING, DISCONNECTED -> {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        log("reopen failed", e);
                    }
                }
                default -> System.out.println("connected");
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSwitchFallThroughFromRetrying() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                switch (lastStatus) {
                    case DISCONNECTED_RETRYING:
                    case DISCONNECTED:
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                        break;
                    default:
                        break;
                }
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogNotConnectedIsNotAGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogAndCombination() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (!shuttingDown && lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogOrCombinationWithEarlyExit() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (shuttingDown || lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            try {
                client.open();
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogOrAdmitsOtherStatuses() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (shuttingDown || lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogLoopConditionGuardWithCloseFirst() {
        new Thread(() -> {
            while (lastStatus == IotHubConnectionStatus.DISCONNECTED && running) {
                try {
                    client.close();
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
                sleepQuietly(5000);
            }
        }).start();
    }

    void watchdogLoopConditionGuardWithoutClose() {
        new Thread(() -> {
            while (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // guarded by the loop condition, so not check 1; the loop retries a failed open without close
                    // expect: IotHubOpenRetryWithoutClose
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
                sleepQuietly(5000);
            }
        }).start();
    }

    void watchdogGetterGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (getLastStatus() == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogLocalVariableGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            IotHubConnectionStatus snapshot = lastStatus;
            if (snapshot == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogTrackedBooleanGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (!connected) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogTrackedEnumGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (state == LinkState.DOWN) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogBooleanNotTrackedByCallback() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (configured) {
                try {
                    // 'configured' is never assigned in a status callback: not tracked state
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSameClassGuardMethod() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (isDisconnected()) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogNegatedConnectedMethodIsNotAGuard() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (!isLinkUp()) {
                try {
                    // !(status == CONNECTED) also admits DISCONNECTED_RETRYING
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogGuardDoesNotDominateOpen() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                System.out.println("link is down");
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    // --- a method every call/hand-off of which is guarded is itself guarded ---

    private void reopenOnlyWhenCallersChecked() {
        try {
            client.open();
        } catch (IOException e) {
            log("reopen failed", e);
        }
    }

    void watchdogCallsGuardedHelper() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                reopenOnlyWhenCallersChecked();
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogHandsOffGuardedHelper() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (!connected) {
                scheduler.execute(this::reopenOnlyWhenCallersChecked);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    private void reopenWithOneUncheckedCaller() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            log("reopen failed", e);
        }
    }

    void watchdogGuardedCallOfMixedHelper() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                reopenWithOneUncheckedCaller();
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogUnguardedCallOfMixedHelper() {
        scheduler.schedule(this::reopenWithOneUncheckedCaller, 30, TimeUnit.SECONDS);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    void watchdogBooleanLocalHoldingTheComparison() {
        scheduler.scheduleWithFixedDelay(() -> {
            boolean down = lastStatus == IotHubConnectionStatus.DISCONNECTED;
            if (down) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogSwitchExpressionOldForm() {
        scheduler.scheduleWithFixedDelay(() -> {
            String outcome = switch (lastStatus) {
                case DISCONNECTED:
                    try {
                        client.open();
                        yield "reopened";
                    } catch (IOException e) {
                        yield "failed";
                    }
                default:
                    yield "left to the SDK";
            };
            System.out.println(outcome);
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogTrackedBooleanTestedForConnected() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (connected) {
                return;
            }
            try {
                client.open();
            } catch (IOException e) {
                log("reopen failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    void watchdogThisQualifiedField() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (this.lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    this.client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }


    private boolean needsReconnect() {
        return !connected;
    }

    void watchdogTrackedStateThroughMethod() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (needsReconnect()) {
                try {
                    client.open();
                } catch (IOException e) {
                    log("reopen failed", e);
                }
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    private final Runnable reopenTask = () -> {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            log("reopen failed", e);
        }
    };

    void watchdogRunsTaskKeptInField() {
        scheduler.scheduleWithFixedDelay(reopenTask, 10, 10, TimeUnit.SECONDS);
    }
}
