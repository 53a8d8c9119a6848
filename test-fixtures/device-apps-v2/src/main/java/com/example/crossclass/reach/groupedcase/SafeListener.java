package com.example.crossclass.reach.groupedcase;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;

import java.util.concurrent.ExecutorService;

public class SafeListener implements IotHubConnectionStatusChangeCallback {
    private final Connection connection;
    private final ExecutorService executor;

    public SafeListener(Connection connection, ExecutorService executor) {
        this.connection = connection;
        this.executor = executor;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        switch (context.getNewStatus()) {
            case DISCONNECTED_RETRYING:
                System.out.println("SDK is retrying; leaving the connection alone");
                break;
            // quiet: check 5 - only DISCONNECTED reaches the hand-off, and the reason check below excludes CLIENT_CLOSE
            case DISCONNECTED:
                if (context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    executor.execute(() -> connection.rebuild(this));
                }
                break;
            default:
                break;
        }
    }
}
