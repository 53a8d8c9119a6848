package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** The enclosing class itself is the status callback; it re-opens on the callback thread. */
public class SelfCallback implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;

    public SelfCallback(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    public void start() throws IOException {
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            reopen();
        }
    }

    private void reopen() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            e.printStackTrace();
        }
    }
}
