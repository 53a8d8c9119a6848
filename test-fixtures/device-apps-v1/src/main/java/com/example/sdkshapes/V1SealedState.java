package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.Timer;
import java.util.TimerTask;

/** 1.x: sealed interface + records as the app's connection model, tracked boolean, switch expression. */
public class V1SealedState {
    sealed interface Link permits Up, Down, Retrying { }

    record Up() implements Link { }

    record Down(IotHubConnectionStatusChangeReason reason) implements Link { }

    record Retrying(Throwable cause) implements Link { }

    private volatile Link link = new Up();
    private volatile boolean connected;
    private final DeviceClient client;
    private final Timer timer = new Timer("watch", true);

    V1SealedState(DeviceClient client) throws IOException {
        this.client = client;
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            connected = status == IotHubConnectionStatus.CONNECTED;
            link = switch (status) {
                case CONNECTED -> new Up();
                case DISCONNECTED_RETRYING -> new Retrying(cause);
                case DISCONNECTED -> new Down(reason);
            };
        }, null);
        client.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                tick();
                tickSealed();
            }
        }, 5000L, 5000L);
    }

    private void tick() {
        if (!connected) {
            try {
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    private void tickSealed() {
        if (link instanceof Down down && down.reason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }
}
