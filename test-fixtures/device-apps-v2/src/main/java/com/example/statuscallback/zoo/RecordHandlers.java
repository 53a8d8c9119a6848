package com.example.statuscallback.zoo;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;

/** Status handlers written as records (Java 16+ code bases). */
public final class RecordHandlers
{
    private RecordHandlers()
    {
    }

    /** Bug: the record's callback re-opens on the callback thread. */
    public record InlineReopen(DeviceClient client) implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx)
        {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                // expect: IotHubReconnectOnCallbackThread
                client.close();
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(false);
                }
                catch (IotHubClientException e)
                {
                    System.err.println(e.getStatusCode());
                }
            }
        }
    }

    /** Fine: the record hands the work to an executor. */
    public record HandOffReopen(DeviceClient client, ExecutorService executor) implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx)
        {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                executor.execute(() -> {
                    client.close();
                    try
                    {
                        client.open(false);
                    }
                    catch (IotHubClientException e)
                    {
                        System.err.println(e.getStatusCode());
                    }
                });
            }
        }
    }
}
