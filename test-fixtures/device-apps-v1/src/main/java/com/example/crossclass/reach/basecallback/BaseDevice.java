package com.example.crossclass.reach.basecallback;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public abstract class BaseDevice implements IotHubConnectionStatusChangeCallback {
    protected volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ExecutorService reconnectExecutor = Executors.newSingleThreadExecutor();

    protected abstract void openClient() throws IOException;

    protected abstract void closeClient() throws IOException;

    public void connect() throws IOException {
        openClient();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        lastStatus = status;
        // quiet: check 5 - the guard carries the CLIENT_CLOSE exclusion (reason != CLIENT_CLOSE)
        if (status == IotHubConnectionStatus.DISCONNECTED
                && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            reconnectExecutor.execute(() -> {
                try {
                    closeClient();
                    connect();
                } catch (IOException e) {
                    System.err.println("reconnect failed: " + e.getMessage());
                }
            });
        }
    }
}
