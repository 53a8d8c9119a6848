package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** 1.x: the client is handed in as the callback context and cast back inside the callback. */
public class V1ContextCast {
    private final DeviceClient client;

    public V1ContextCast(String cs) throws URISyntaxException, IOException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(V1ContextCast::onStatus, client);
        client.open();
    }

    // static method reference as the status callback; context cast back to the client
    static void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object context) {
        DeviceClient c = (DeviceClient) context;
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                c.closeNow();
                // expect: IotHubReconnectOnCallbackThread
                c.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    // anonymous class; pattern-matching instanceof on the context; "!= CONNECTED" admits RETRYING
    public void registerSecond(DeviceClient other) {
        other.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
                // expect: IotHubReopenAfterClientClose
                if (ctx instanceof DeviceClient dc && status != IotHubConnectionStatus.CONNECTED) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        dc.open(false);
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                }
            }
        }, other);
    }

    // context cast inline, guarded, reason excluded with equality to one other reason
    public void registerThird(DeviceClient third) {
        third.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(status) && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    ((DeviceClient) ctx).open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, third);
    }
}
