package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * Guard forms on ctx.getNewStatus() and local copies of it, inside status callbacks. Every guarded case also excludes
 * CLIENT_CLOSE (so check 5 stays quiet). A recognised guard turns an open() on the callback thread into
 * IotHubReconnectOnCallbackThread; without a guard it is IotHubOpenWithoutStatusGuard (first in arbitration).
 */
public class GuardFormsInCallback {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";
    private final DeviceClient client;

    public GuardFormsInCallback() {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    void contextGetterEqualsGuard() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void contextGetterConstantEqualsGuard() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus()) && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void contextGetterEqualsMethodOnStatus() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus().equals(IotHubConnectionStatus.DISCONNECTED) && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void contextEarlyReturns() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
                return;
            }
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                return;
            }
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        }, null);
    }

    void localVariablesFromContext() {
        client.setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatus status = ctx.getNewStatus();
            IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void switchOnContextOldForm() {
        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                case DISCONNECTED:
                    if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                            // expect: IotHubReconnectOnCallbackThread
                            client.open(false);
                        } catch (IotHubClientException e) {
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

    void switchOnContextArrowForm() {
        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                case DISCONNECTED -> {
                    if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                        try {
                            // expect: IotHubReconnectOnCallbackThread
                            client.open(false);
                        } catch (IotHubClientException e) {
                            e.printStackTrace();
                        }
                    }
                }
                case CONNECTED, DISCONNECTED_RETRYING -> System.out.println(ctx.getNewStatus());
            }
        }, null);
    }

    void switchOnContextRetryingAndDisconnected() {
        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                case DISCONNECTED_RETRYING, DISCONNECTED -> {
                    if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        try {
                            // expect: IotHubOpenWithoutStatusGuard
                            client.open(false);
                        } catch (IotHubClientException e) {
                            e.printStackTrace();
                        }
                    }
                }
                default -> System.out.println(ctx.getNewStatus());
            }
        }, null);
    }

    void contextNotConnected() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void previousStatusIsNotTheNewStatus() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getPreviousStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                try {
                    // the previous status says nothing about the status now
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void reasonOnlyIsNotAStatusGuard() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.NO_NETWORK) {
                try {
                    // NO_NETWORK also arrives with DISCONNECTED_RETRYING
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    void anonymousCallbackWithContextGuard() {
        client.setConnectionStatusChangeCallback(new com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext context) {
                if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(true);
                    } catch (IotHubClientException e) {
                        e.printStackTrace();
                    }
                }
            }
        }, null);
    }
}
