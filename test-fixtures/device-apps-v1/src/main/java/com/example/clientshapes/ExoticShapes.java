package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** Anonymous client subclass, enum and record callbacks, and a two-level synchronous dispatch. */
public class ExoticShapes {
    private DeviceClient client;

    enum Reconnector implements IotHubConnectionStatusChangeCallback {
        INSTANCE;

        volatile DeviceClient target;

        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    target.open();
                } catch (IOException e) {
                    // ignored
                }
            }
        }
    }

    record HandOff(DeviceClient device) implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(() -> {
                    try {
                        device.closeNow();
                        device.open();
                    } catch (IOException e) {
                        // ignored
                    }
                }).start();
            }
        }
    }

    static ModuleClient anonymousModule(String cs) throws ModuleClientException, URISyntaxException {
        return new ModuleClient(cs, IotHubClientProtocol.MQTT) {
            {
                registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
                    if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                        try {
                            // expect: IotHubOpenWithoutStatusGuard
                            open();
                        } catch (IOException e) {
                            // ignored
                        }
                    }
                }, null);
            }
        };
    }

    public void start(String cs) throws URISyntaxException, IOException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> dispatch(status), null);
        client.open();
    }

    private void dispatch(IotHubConnectionStatus s) {
        // expect: IotHubReopenAfterClientClose
        if (s == IotHubConnectionStatus.DISCONNECTED) {
            restartNow();
        }
    }

    private void restartNow() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            // ignored
        }
    }
}
