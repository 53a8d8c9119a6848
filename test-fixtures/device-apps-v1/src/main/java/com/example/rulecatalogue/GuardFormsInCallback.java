package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Guard forms on the 1.x status parameter, inside status callbacks. Every guarded case also excludes
 * CLIENT_CLOSE (so check 5 stays quiet). A recognised guard turns an open() on the callback thread into
 * IotHubReconnectOnCallbackThread; without a guard it is IotHubOpenWithoutStatusGuard (first in arbitration).
 */
public class GuardFormsInCallback {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";
    private final DeviceClient client;

    public GuardFormsInCallback() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    void parameterEqualsGuard() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void parameterConstantEqualsGuard() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(status) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(reason)) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void parameterEarlyReturns() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, null);
    }

    void localVariableCopyOfParameter() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            IotHubConnectionStatus now = status;
            boolean closedByApp = reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
            if (now == IotHubConnectionStatus.DISCONNECTED && !closedByApp) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void switchOnParameterOldForm() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            switch (status) {
                case DISCONNECTED:
                    if (reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                            // expect: IotHubReconnectOnCallbackThread
                            client.open();
                        } catch (IOException e) {
                            e.printStackTrace();
                        }
                    }
                    break;
                case DISCONNECTED_RETRYING:
                    System.out.println("SDK is retrying");
                    break;
                default:
                    break;
            }
        }, null);
    }

    void switchOnParameterArrowForm() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            switch (status) {
                case DISCONNECTED -> {
                    if (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                        try {
                            // expect: IotHubReconnectOnCallbackThread
                            client.open();
                        } catch (IOException e) {
                            e.printStackTrace();
                        }
                    }
                }
                case CONNECTED, DISCONNECTED_RETRYING -> System.out.println(status);
            }
        }, null);
    }

    void switchOnParameterRetryingAndDisconnected() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            switch (status) {
                case DISCONNECTED_RETRYING, DISCONNECTED -> {
                    if (reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                            // expect: IotHubOpenWithoutStatusGuard
                            client.open();
                        } catch (IOException e) {
                            e.printStackTrace();
                        }
                    }
                }
                default -> System.out.println(status);
            }
        }, null);
    }

    void parameterNotConnected() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status != IotHubConnectionStatus.CONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void reasonOnlyIsNotAStatusGuard() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (reason == IotHubConnectionStatusChangeReason.NO_NETWORK) {
                try {
                    // NO_NETWORK also arrives with DISCONNECTED_RETRYING
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }
}
