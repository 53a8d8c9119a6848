package com.example.fleet.agents;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** StackOverflow-answer style: everything done inside the status callback. */
public class NaiveReconnect {
    private static DeviceClient client;
    private static String connString;

    /** Rebuilds on DISCONNECTED right on the callback thread. */
    static void registerRebuilding() {
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                    client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                    registerRebuilding();
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException | URISyntaxException e) {
                    System.err.println(e);
                }
            }
        }, null);
    }

    /** "Not connected" also matches DISCONNECTED_RETRYING: not a guard. */
    static void registerNotConnected() {
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, null);
    }

    /** Switch that lumps RETRYING together with DISCONNECTED and replaces the client inline. */
    static void registerSwitch() {
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            switch (status) {
                case DISCONNECTED_RETRYING:
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    try {
                        // expect: IotHubClientReplacedWithoutClose
                        client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException | URISyntaxException e) {
                        System.err.println(e);
                    }
                    break;
                default:
                    break;
            }
        }, null);
    }

    /** Guarded and CLIENT_CLOSE-excluded, but still reopened on the callback thread. */
    static void registerGuardedInline() {
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, null);
    }

    /** Guarded, excluded and handed off: nothing to report. */
    static void registerHandOff() {
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(() -> {
                    try {
                        client.closeNow();
                        client.open();
                    } catch (IOException e) {
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
            case "rebuild": registerRebuilding(); break;
            case "notConnected": registerNotConnected(); break;
            case "switch": registerSwitch(); break;
            case "inline": registerGuardedInline(); break;
            default: registerHandOff(); break;
        }
        client.open();
        client.sendEventAsync(new Message("hello"), null, null);
    }
}
