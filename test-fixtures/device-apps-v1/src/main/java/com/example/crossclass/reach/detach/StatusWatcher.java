package com.example.crossclass.reach.detach;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

final class StatusWatcher implements IotHubConnectionStatusChangeCallback {
    private final ConnectionManager manager;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    StatusWatcher(ConnectionManager manager) {
        this.manager = manager;
    }

    @Override
    public void execute(
            IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        // quiet: check 5 - detach() removes this callback before every close of the client (reconnect, Main's shutdown)
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            pool.submit(manager::reconnect);
        }
    }
}
