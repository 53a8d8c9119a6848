package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A base class whose callback hands closeClient(); connect(); to an executor when the status is anything but
 * CONNECTED: the reconnect fights the SDK's own retry (check 1 in the subclass), and the condition also lets the
 * app's own close() trigger a reopen (check 5).
 */
public abstract class GroupedCaseBase implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService reconnects = Executors.newSingleThreadExecutor();

    protected abstract void closeClient();

    protected abstract void connect() throws Exception;

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable,
                        Object callbackContext) {
        // expect: IotHubReopenAfterClientClose
        if (status != IotHubConnectionStatus.CONNECTED) {
            reconnects.submit(() -> {
                closeClient();
                connect();
                return null;
            });
        }
    }
}
