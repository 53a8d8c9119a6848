package com.example.fleet.agents;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Forum-answer style reconnects done in the status callback (2.x). */
public class NaiveReconnect {
    private static DeviceClient client;
    private static String connString;

    /** Switch expression with arrow cases; DISCONNECTED rebuilds inline, no CLIENT_CLOSE check. */
    static void registerArrowSwitch() {
        client.setConnectionStatusChangeCallback(ctx -> {
            String what = switch (ctx.getNewStatus()) {
                case CONNECTED -> "up";
                case DISCONNECTED_RETRYING -> "retrying";
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED -> {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                    client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println(e);
                    }
                    yield "rebuilt";
                }
            };
            System.out.println(what);
        }, null);
    }

    /** Merged RETRYING/DISCONNECTED label: not a guard; the replacement is not closed. */
    static void registerMerged() {
        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> {
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println(e);
                    }
                }
                default -> { }
            }
        }, null);
    }

    /** Guard plus CLIENT_CLOSE early exit, still on the callback thread. */
    static void registerGuardedInline() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }, null);
    }

    /** Guarded, excluded, handed off: nothing to report. */
    static void registerHandOff() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                new Thread(() -> {
                    client.close();
                    try {
                        client.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println(e);
                    }
                }).start();
            }
        }, null);
    }

    /** Hand-off from a callback that only checks "not connected": the handed-off open is unguarded. */
    static void registerNotConnectedHandOff() {
        client.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                new Thread(() -> {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        System.err.println(e);
                    }
                }).start();
            }
        }, null);
    }

    public static void main(String[] args) throws Exception {
        connString = args[0];
        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
        switch (args.length > 1 ? args[1] : "") {
            case "arrow" -> registerArrowSwitch();
            case "merged" -> registerMerged();
            case "inline" -> registerGuardedInline();
            case "notConnected" -> registerNotConnectedHandOff();
            default -> registerHandOff();
        }
        client.open(false);
    }
}
