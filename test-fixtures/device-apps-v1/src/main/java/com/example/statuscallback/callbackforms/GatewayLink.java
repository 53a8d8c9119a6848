package com.example.statuscallback.callbackforms;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;

/** The enclosing class itself is the status callback. */
public class GatewayLink implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;

    GatewayLink(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    void start() throws IOException {
        // quiet: "Other methods of a class that implements the interface are not callback code"; start-up code
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
            Throwable throwable, Object callbackContext) {
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
            System.out.println("reopen failed: " + e.getMessage());
        }
    }

    void stop() throws IOException {
        // quiet: shutdown from main, not reached from the callback
        client.closeNow();
    }

    public static void main(String[] args) throws Exception {
        GatewayLink link = new GatewayLink(System.getenv("IOTHUB_GATEWAY_CONNECTION_STRING"));
        link.start();
        Thread.sleep(60_000);
        link.stop();
    }
}
