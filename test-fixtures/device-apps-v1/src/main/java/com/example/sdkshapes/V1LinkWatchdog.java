package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** 1.x: a singleton enum implements the status callback; old-style switch. */
public enum V1LinkWatchdog implements IotHubConnectionStatusChangeCallback {
    INSTANCE;

    private volatile DeviceClient client;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    public void attach(DeviceClient c) throws IOException {
        client = c;
        c.registerConnectionStatusChangeCallback(this, null);
        c.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        switch (status) {
            case DISCONNECTED:
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    break;
                }
                pool.execute(this::reconnect);
                break;
            case DISCONNECTED_RETRYING:
                try {
                    // expect: IotHubReconnectOnCallbackThread
                    client.closeNow();
                } catch (IOException e) {
                    System.err.println(e);
                }
                break;
            default:
                break;
        }
    }

    private void reconnect() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println(e);
        }
    }
}
