package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

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

    public ReopenAfterClose() {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    private void reconnect() {
        client.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            e.printStackTrace();
        }
    }

    private void recreateClient() {
        if (client != null) {
            client.close();
        }
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    // ---- positives ----

    void handOffWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void localStatusHandOffWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatus status = ctx.getNewStatus();
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void earlyReturnGuardWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            new Thread(this::reconnect).start();
        }, null);
    }

    void equalsGuardWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    void switchGuardWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    worker.execute(this::reconnect);
                    break;
                default:
                    break;
            }
        }, null);
    }

    void arrowSwitchGuardWithoutExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED -> worker.execute(this::reconnect);
                case CONNECTED, DISCONNECTED_RETRYING -> System.out.println("SDK owns the link");
            }
        }, null);
    }

    void guardDominatesClientCreation() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(this::recreateClient);
            }
        }, null);
    }

    private void restartLinkInline() throws IotHubClientException {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        // expect: IotHubReconnectOnCallbackThread
        client.open(false);
    }

    void guardDominatesSynchronousCall() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    restartLinkInline();
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void guardDominatesDirectOpen() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void reasonSwitchWhereClientCloseFallsIntoReconnect() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
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

    void reasonSwitchWithoutClientCloseCase() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case BAD_CREDENTIAL, EXPIRED_SAS_TOKEN -> System.err.println("credentials problem; not reconnecting");
                    default -> worker.execute(this::reconnect);
                }
            }
        }, null);
    }

    void exclusionOfAnotherReasonOnly() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    // a non-null cause does not prove the reason is not CLIENT_CLOSE
    void throwableCheckIsNoClientCloseExclusion() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getCause() != null) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    // ---- negatives: every CLIENT_CLOSE exclusion form ----

    void excludedWithNotEquals() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedWithLocalReasonNotEquals() {
        client.setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatus status = ctx.getNewStatus();
            IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedWithNegatedEquals() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && !ctx.getNewStatusReason().equals(IotHubConnectionStatusChangeReason.CLIENT_CLOSE)) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedWithNegatedEqualsConstantFirst() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByEqualityWithOneOtherReason() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByEqualsWithOneOtherReason() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && IotHubConnectionStatusChangeReason.RETRY_EXPIRED.equals(ctx.getNewStatusReason())) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    void excludedByTwoOtherReasons() {
        client.setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED || reason == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
                worker.execute(this::reconnect);
            }
        }, null);
    }

    void excludedByEarlyReturnOnClientClose() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByNestedEarlyReturnOnClientClose() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    return;
                }
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void excludedByOrEarlyExit() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED || ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            worker.submit(this::reconnect);
        }, null);
    }

    void excludedByReasonSwitch() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
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
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                switch (ctx.getNewStatusReason()) {
                    case CLIENT_CLOSE -> System.out.println("closed by the app");
                    case BAD_CREDENTIAL -> System.err.println("fix the credentials");
                    default -> worker.submit(this::reconnect);
                }
            }
        }, null);
    }

    // ---- negatives: the guard dominates no reconnect ----

    void guardOnlyRecordsState() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                linkDown = true;
                System.out.println("link down: " + ctx.getNewStatusReason());
            }
        }, null);
    }

    void guardOnlyCloses() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(client::close);
            }
        }, null);
    }

    // ---- contract v2: "!= CONNECTED" admits DISCONNECTED with DISCONNECTED_RETRYING: check 5 at the condition, and check 1 at the handed-off open (no exemption on a callback path) ----

    void notConnectedIsNoGuardForCheck5() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                worker.submit(this::reconnect);
            }
        }, null);
    }

    void guardDominatesLocalClientCreationHandedOff() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.execute(() -> {
                    client.close();
                    DeviceClient replacement = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                    try {
                        replacement.open(false);
                        client = replacement;
                    } catch (IotHubClientException e) {
                        replacement.close();
                    }
                });
            }
        }, null);
    }


    private void scheduleReconnect() {
        worker.execute(this::reconnect);
    }

    void guardDominatesCallThatHandsOff() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                scheduleReconnect();
            }
        }, null);
    }


    private static boolean closedByApp(IotHubConnectionStatusChangeReason reason) {
        return reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
    }

    void excludedThroughSameClassPredicate() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && !closedByApp(ctx.getNewStatusReason())) {
                worker.execute(this::reconnect);
            }
        }, null);
    }
}
