package com.example.statuscallback.zoo;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Every way people wire a 2.x status callback, each doing something on the callback thread. */
public class StatusCallbackZoo
{
    private final DeviceClient client;

    public StatusCallbackZoo(DeviceClient client)
    {
        this.client = client;
    }

    public void lambdaWithEquals()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())
                    && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason()))
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
                    System.err.println("reopen failed " + e.getStatusCode());
                }
            }
        }, null);
    }

    public void anonymousWithLocalVariable()
    {
        client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback()
        {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext context)
            {
                IotHubConnectionStatus status = context.getNewStatus();
                IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
                if (status != IotHubConnectionStatus.DISCONNECTED)
                {
                    return;
                }
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
                {
                    return;
                }
                // expect: IotHubReconnectOnCallbackThread
                client.close();
            }
        }, this);
    }

    public void methodReference()
    {
        client.setConnectionStatusChangeCallback(this::handleStatus, null);
    }

    private void handleStatus(ConnectionStatusChangeContext ctx)
    {
        boolean reopen = switch (ctx.getNewStatus())
        {
            case DISCONNECTED -> ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED;
            case DISCONNECTED_RETRYING, CONNECTED -> false;
        };
        if (reopen)
        {
            reopenClient();
        }
    }

    private void reopenClient()
    {
        try
        {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            // reopen is true only on DISCONNECTED: a guard, so the open is check 3's
            // expect: IotHubReconnectOnCallbackThread
            client.open(true);
        }
        catch (IotHubClientException e)
        {
            System.err.println(e.getMessage());
        }
    }

    public void localClass()
    {
        final class RetryingCounter implements IotHubConnectionStatusChangeCallback
        {
            private int retrying;

            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx)
            {
                if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING && ++retrying > 5)
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.close();
                }
            }
        }
        client.setConnectionStatusChangeCallback(new RetryingCounter(), null);
    }

    public void namedClass()
    {
        client.setConnectionStatusChangeCallback(new AlwaysReopen(client), null);
    }

    static class AlwaysReopen implements IotHubConnectionStatusChangeCallback
    {
        private final DeviceClient deviceClient;

        AlwaysReopen(DeviceClient deviceClient)
        {
            this.deviceClient = deviceClient;
        }

        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx)
        {
            switch (ctx.getNewStatus())
            {
                case DISCONNECTED_RETRYING:
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    try
                    {
                        // expect: IotHubOpenWithoutStatusGuard
                        deviceClient.open(false);
                    }
                    catch (IotHubClientException e)
                    {
                        System.err.println(e.getMessage());
                    }
                    break;
                default:
                    break;
            }
        }
    }

    public void previousStatusConfusion()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getPreviousStatus() == IotHubConnectionStatus.CONNECTED
                    && ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    client.open(true);
                }
                catch (IotHubClientException e)
                {
                    System.err.println(e.getMessage());
                }
            }
        }, null);
    }

    public void noReasonCheck()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            var status = ctx.getNewStatus();
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED)
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
                    System.err.println(e.getMessage());
                }
            }
        }, null);
    }
}
