package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** 1.x: a guarded status callback hands a Runnable built by a same-class factory to a Thread / executor. */
public class V1FactoryHandoff {
    private final DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public V1FactoryHandoff(DeviceClient client) throws IOException {
        this.client = client;
        client.registerConnectionStatusChangeCallback((status, reason, t, ctx) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                new Thread(reopenTask(), "reopen").start();
            }
            if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                Runnable r = () -> {
                    try {
                        client.closeNow();
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                };
                pool.execute(r);
            }
        }, null);
        client.open();
    }

    private Runnable reopenTask() {
        return () -> {
            try {
                client.closeNow();
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        };
    }
}
