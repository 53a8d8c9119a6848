package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Check 5 (IotHubReopenAfterClientClose): a DISCONNECTED guard in a status callback that dominates a reconnect,
 * without a CLIENT_CLOSE exclusion. Reported at the guard. The reconnect itself is handed off (close-then-open),
 * so the hand-off cases have no other finding.
 */
public class ReopenAfterClose {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";

    private DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private volatile boolean linkDown;

    public ReopenAfterClose() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    private void reconnect() {
        try {
            client.close();
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    private void recreateClient() {
        try {
            if (client != null) {
                client.closeNow();
            }
            client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
        } catch (IOException | URISyntaxException e) {
            e.printStackTrace();
        }
    }

    // ---- positives ----

    void handOffWithoutExclusion() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void earlyReturnGuardWithoutExclusion() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            new Thread(this::reconnect).start();
        }, null);
    }

    void equalsGuardWithoutExclusion() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    void switchGuardWithoutExclusion() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            switch (status) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    worker.execute(this::reconnect);
                    break;
                default:
                    break;
            }
        }, null);
    }

    void guardDominatesClientCreation() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(this::recreateClient);
            }
        }, null);
    }

    private void restartLinkInline() throws IOException {
        // expect: IotHubReconnectOnCallbackThread
        client.closeNow();
        // expect: IotHubReconnectOnCallbackThread
        client.open();
    }

    void guardDominatesSynchronousCall() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    restartLinkInline();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void guardDominatesDirectOpen() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void reasonSwitchWhereClientCloseFallsIntoReconnect() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case BAD_CREDENTIAL:
                        System.err.println("credentials rejected; not reconnecting");
                        break;
                    case CLIENT_CLOSE:
                    case RETRY_EXPIRED:
                    default:
                        worker.execute(this::reconnect);
                }
            }
        }, null);
    }

    void exclusionOfAnotherReasonOnly() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    // ---- negatives: every CLIENT_CLOSE exclusion form ----

    void excludedWithNotEquals() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedWithNegatedEquals() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && !reason.equals(IotHubConnectionStatusChangeReason.CLIENT_CLOSE)) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedWithNegatedEqualsConstantFirst() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(reason)) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByEqualityWithOneOtherReason() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByEarlyReturnOnClientClose() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByNestedEarlyReturnOnClientClose() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    return;
                }
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByOrEarlyExit() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status != IotHubConnectionStatus.DISCONNECTED || reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            worker.submit(this::reconnect);
        }, null);
    }

    void excludedByReasonSwitch() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case CLIENT_CLOSE:
                        System.out.println("closed by the app; staying closed");
                        break;
                    default:
                        worker.submit(this::reconnect);
                        break;
                }
            }
        }, null);
    }

    void excludedByArrowReasonSwitch() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case CLIENT_CLOSE -> System.out.println("closed by the app");
                    case BAD_CREDENTIAL -> System.err.println("fix the credentials");
                    default -> worker.submit(this::reconnect);
                }
            }
        }, null);
    }

    // ---- negatives: the guard dominates no reconnect ----

    void guardOnlyRecordsState() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                linkDown = true;
                System.out.println("link down: " + reason);
            }
        }, null);
    }

    void guardOnlyCloses() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(() -> {
                    client.closeNow();
                    return null;
                });
            }
        }, null);
    }

    // ---- contract v2: "!= CONNECTED" admits DISCONNECTED with DISCONNECTED_RETRYING: check 5 at the condition, and check 1 at the handed-off open (no exemption on a callback path) ----

    void notConnectedIsNoGuardForCheck5() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }


    void reasonSwitchWithoutClientCloseCase() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                switch (reason) {
                    case BAD_CREDENTIAL:
                    case EXPIRED_SAS_TOKEN:
                        System.err.println("credentials problem; not reconnecting");
                        break;
                    default:
                        worker.execute(this::reconnect);
                }
            }
        }, null);
    }

    void excludedByTwoOtherReasons() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED || reason == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    void excludedByEqualsWithOneOtherReason() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && IotHubConnectionStatusChangeReason.RETRY_EXPIRED.equals(reason)) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    // a non-null throwable does not prove the reason is not CLIENT_CLOSE
    void throwableCheckIsNoClientCloseExclusion() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED && cause != null) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    void guardDominatesLocalClientCreationHandedOff() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(() -> {
                    DeviceClient replacement = null;
                    try {
                        client.closeNow();
                        replacement = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                        replacement.open();
                        client = replacement;
                    } catch (IOException | URISyntaxException e) {
                        e.printStackTrace();
                    }
                });
            }
        }, null);
    }


    private void scheduleReconnect() {
        worker.execute(this::reconnect);
    }

    void guardDominatesCallThatHandsOff() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                scheduleReconnect();
            }
        }, null);
    }


    private static boolean closedByApp(IotHubConnectionStatusChangeReason reason) {
        return reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
    }

    void excludedThroughSameClassPredicate() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && !closedByApp(reason)) {
                worker.execute(this::reconnect);
            }
        }, null);
    }
}
