package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A base class whose callback hands closeClient(); connect(); to an executor on the grouped
 * DISCONNECTED_RETRYING / DISCONNECTED case: the reconnect fights the SDK's own retry (check 1 in the subclass,
 * whatever it closes or creates first), and the group also lets the app's own close() trigger a reopen (check 5).
 */
public abstract class GroupedCaseBase implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService reconnects = Executors.newSingleThreadExecutor();

    protected abstract void closeClient();

    protected abstract void connect() throws Exception;

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        switch (context.getNewStatus()) {
            case DISCONNECTED_RETRYING:
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
                reconnects.submit(() -> {
                    closeClient();
                    connect();
                    return null;
                });
                break;
            default:
                break;
        }
    }
}
