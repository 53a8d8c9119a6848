package com.example.handoff.executorreconnect;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Named callback class in its own file; hands the reconnect to an executor. */
public class StatusHandler implements IotHubConnectionStatusChangeCallback {
    private final ConnectionManager manager;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    StatusHandler(ConnectionManager manager) {
        this.manager = manager;
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
            Throwable throwable, Object callbackContext) {
        System.out.println("status " + status + " reason " + reason);
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            executor.execute(manager::reconnect);
        }
    }
}
