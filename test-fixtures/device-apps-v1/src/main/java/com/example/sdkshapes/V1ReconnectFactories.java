package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** 1.x: lambdas returning lambdas, handed to a scheduler; tracked IotHubConnectionStatus field. */
public class V1ReconnectFactories {
    private final DeviceClient client;
    private final ScheduledExecutorService ses;
    private volatile IotHubConnectionStatus last = IotHubConnectionStatus.CONNECTED;

    V1ReconnectFactories(DeviceClient client, ScheduledExecutorService ses) throws IOException {
        this.client = client;
        this.ses = ses;
        client.registerConnectionStatusChangeCallback((s, r, t, c) -> last = s, null);
        client.open();
        ses.scheduleWithFixedDelay(guardedTask(), 30, 30, TimeUnit.SECONDS);
        ses.scheduleWithFixedDelay(naiveFactory().get(), 30, 30, TimeUnit.SECONDS);
    }

    private Runnable guardedTask() {
        return () -> {
            if (last == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        };
    }

    private Supplier<Runnable> naiveFactory() {
        return () -> () -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        };
    }
}
