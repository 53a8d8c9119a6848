package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;

/** 2.x: a record implements the callback and hands the reconnect to an executor. No findings. */
public record V2RecordReconnector(DeviceClient client, ExecutorService pool) implements IotHubConnectionStatusChangeCallback {
    public void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this, null);
        client.open(false);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            pool.execute(() -> {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            });
        }
    }
}

/** 2.x: a record that reconnects on the callback thread, through its accessor. */
record V2NaiveRecord(DeviceClient client) implements IotHubConnectionStatusChangeCallback {
    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            // expect: IotHubReconnectOnCallbackThread
            client().close();
            try {
                // expect: IotHubReconnectOnCallbackThread
                client().open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }
}
