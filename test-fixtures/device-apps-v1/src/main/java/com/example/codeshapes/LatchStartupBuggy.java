package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/** Near miss of LatchStartup: the static method-ref callback restarts the client synchronously. */
public class LatchStartupBuggy {
    private static DeviceClient primary;

    public static void main(String[] args) throws Exception {
        primary = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        primary.registerConnectionStatusChangeCallback(LatchStartupBuggy::onStatus, null);
        primary.open();
    }

    static void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            restart();
        }
    }

    private static void restart() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            primary.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            primary.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
