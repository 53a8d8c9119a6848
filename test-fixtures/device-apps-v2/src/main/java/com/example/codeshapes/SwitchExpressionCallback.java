package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Lambda callbacks using arrow-form switch statements and switch expressions. */
public class SwitchExpressionCallback {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final DeviceClient client;
    private final DeviceClient other;
    private final DeviceClient third;

    public SwitchExpressionCallback() throws IotHubClientException {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        other = new DeviceClient(Util.CS.replace("dev1", "other"), IotHubClientProtocol.MQTT);
        third = new DeviceClient(Util.CS.replace("dev1", "third"), IotHubClientProtocol.MQTT);

        client.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                case CONNECTED -> System.out.println("up");
                case DISCONNECTED_RETRYING -> System.out.println("SDK retrying");
                case DISCONNECTED -> {
                    if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        executor.execute(this::reopenClient);
                    }
                }
            }
        }, null);

        // switch expression producing a decision, then acting on it
        third.setConnectionStatusChangeCallback(ctx -> {
            boolean reconnect = switch (ctx.getNewStatus()) {
                case DISCONNECTED -> ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
                case CONNECTED, DISCONNECTED_RETRYING -> false;
            };
            System.out.println("reconnect? " + reconnect);
        }, null);

        // near miss: one arm for both disconnected states
        other.setConnectionStatusChangeCallback(ctx -> {
            switch (ctx.getNewStatus()) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> executor.execute(this::reopenOther);
                default -> { }
            }
        }, null);

        client.open(false);
        other.open(false);
        third.open(true);
    }

    private void reopenClient() {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    private void reopenOther() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            other.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }
}
