package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Anonymous client subclass, enum and record callbacks, and a two-level synchronous dispatch. */
public class ExoticShapes {
    private DeviceClient client;

    enum Reconnector implements IotHubConnectionStatusChangeCallback {
        INSTANCE;

        volatile DeviceClient target;

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    target.open(false);
                } catch (IotHubClientException e) {
                    // ignored
                }
            }
        }
    }

    record HandOff(DeviceClient device) implements IotHubConnectionStatusChangeCallback {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(() -> {
                    device.close();
                    try {
                        device.open(false);
                    } catch (IotHubClientException e) {
                        // ignored
                    }
                }).start();
            }
        }
    }

    static ModuleClient anonymousModule(String cs) {
        return new ModuleClient(cs, IotHubClientProtocol.MQTT) {
            {
                setConnectionStatusChangeCallback(ctx -> {
                    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                        try {
                            // expect: IotHubOpenWithoutStatusGuard
                            open(false);
                        } catch (IotHubClientException e) {
                            // ignored
                        }
                    }
                }, null);
            }
        };
    }

    public void start(String cs) throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(ctx -> dispatch(ctx.getNewStatus()), null);
        client.open(true);
    }

    private void dispatch(IotHubConnectionStatus s) {
        // expect: IotHubReopenAfterClientClose
        if (s == IotHubConnectionStatus.DISCONNECTED) {
            restartNow();
        }
    }

    private void restartNow() {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
