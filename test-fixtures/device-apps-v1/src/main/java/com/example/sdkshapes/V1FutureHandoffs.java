package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;

/** 1.x: lambda callbacks handing off to CompletableFuture; equals() guards; reason switch. */
public class V1FutureHandoffs {
    private DeviceClient primary;
    private DeviceClient secondary;
    private final String cs;

    public V1FutureHandoffs(String cs) throws URISyntaxException, IOException {
        this.cs = cs;
        primary = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        secondary = new DeviceClient(cs + ";ModuleId=m", IotHubClientProtocol.AMQPS);
        primary.registerConnectionStatusChangeCallback((s, r, t, c) -> {
            // expect: IotHubReopenAfterClientClose
            if (IotHubConnectionStatus.DISCONNECTED.equals(s)) {
                CompletableFuture.runAsync(this::replacePrimary);
            }
        }, null);
        secondary.registerConnectionStatusChangeCallback((s, r, t, c) -> {
            if (s == IotHubConnectionStatus.DISCONNECTED) {
                switch (r) {
                    case CLIENT_CLOSE -> { }
                    default -> CompletableFuture.runAsync(this::reopenSecondary);
                }
            }
        }, null);
        primary.open();
        secondary.open();
    }

    private void replacePrimary() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            primary = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            primary.open();
        } catch (URISyntaxException | IOException e) {
            System.err.println(e);
        }
    }

    private void reopenSecondary() {
        try {
            secondary.closeNow();
            secondary.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
