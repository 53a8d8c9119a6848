package com.example.crossclass.reach.everychange;

import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Recreates the session on every status change - including DISCONNECTED_RETRYING and CONNECTED. */
public class LinkStatusCallback implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        Session session = (Session) callbackContext;
        System.out.println("status " + status + ", recreating session");
        executor.execute(session::recreate);
    }
}
