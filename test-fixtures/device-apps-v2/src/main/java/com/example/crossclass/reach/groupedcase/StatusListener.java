package com.example.crossclass.reach.groupedcase;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;

import java.util.concurrent.ExecutorService;

public class StatusListener implements IotHubConnectionStatusChangeCallback {
    private final Connection connection;
    private final ExecutorService executor;

    public StatusListener(Connection connection, ExecutorService executor) {
        this.connection = connection;
        this.executor = executor;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        switch (context.getNewStatus()) {
            case CONNECTED:
                connection.markUp();
                break;
            case DISCONNECTED_RETRYING:
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
                executor.submit(connection::recycle);
                break;
            default:
                break;
        }
    }
}
