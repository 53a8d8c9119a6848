package com.example.edge.filtermodule;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Edge module that forwards filtered messages; it is its own status callback. */
public class FilterModule implements IotHubConnectionStatusChangeCallback
{
    private final ModuleClient client;
    private final double threshold;

    public FilterModule(String connectionString, double threshold)
    {
        this.client = new ModuleClient(connectionString, IotHubClientProtocol.MQTT);
        this.threshold = threshold;
        client.setConnectionStatusChangeCallback(this, null);
        client.setMessageCallback("input1", (message, ctx) -> {
            var text = new String(message.getBytes());
            if (Double.parseDouble(text) > this.threshold)
            {
                client.sendEventAsync(new Message(text), (m, e, c) -> { }, null, "output1");
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    /** Bug: while(true)/break retry with back-off but no close. */
    public void start() throws InterruptedException
    {
        var delay = 1_000L;
        while (true)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                break;
            }
            catch (IotHubClientException e)
            {
                if (!e.isRetryable())
                {
                    throw new IllegalStateException("cannot connect to edgeHub", e);
                }
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 60_000L);
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx)
    {
        switch (ctx.getNewStatus())
        {
            case CONNECTED -> System.out.println("module online");
            case DISCONNECTED_RETRYING -> System.out.println("sdk retrying: " + ctx.getNewStatusReason());
            case DISCONNECTED -> {
                if (ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
                {
                    try
                    {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open(false);
                    }
                    catch (IotHubClientException e)
                    {
                        System.err.println("reopen failed: " + e.getMessage());
                    }
                }
            }
        }
    }

    public static void main(String[] args) throws Exception
    {
        FilterModule module = new FilterModule(System.getenv("EdgeHubConnectionString"), 25.0);
        module.start();
        Thread.currentThread().join();
    }
}
