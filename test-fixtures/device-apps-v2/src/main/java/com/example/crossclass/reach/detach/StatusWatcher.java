package com.example.crossclass.reach.detach;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
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
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        // expect: IotHubReopenAfterClientClose
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            pool.submit(manager::reconnect);
        }
    }
}
