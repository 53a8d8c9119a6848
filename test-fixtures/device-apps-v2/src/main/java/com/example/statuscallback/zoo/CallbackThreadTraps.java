package com.example.statuscallback.zoo;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Callback-thread mistakes that look like hand-offs, or hide in nested code. */
public class CallbackThreadTraps
{
    private final Object lock = new Object();
    private final DeviceClient client;
    private final DeviceClient backupClient;
    private final ExternalConnectionService service;

    public CallbackThreadTraps(String cs, ExternalConnectionService service)
    {
        this.client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        this.backupClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        this.service = service;
    }

    /** Bug: Thread.run() instead of start(): the body runs on the callback thread. */
    @SuppressWarnings("DoNotCall") // Error Prone's own check for the same mistake; this sample shows LinkGuard's
    public void threadRunInsteadOfStart()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                // expect: IotHubReconnectOnCallbackThread
                new Thread(() -> client.close()).run();
            }
        }, null);
    }

    /** Bug: close/open loop run right inside the callback, under a lock. */
    public void retryLoopInCallback()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                synchronized (lock)
                {
                    while (true)
                    {
                        try
                        {
                            // expect: IotHubReconnectOnCallbackThread
                            client.close();
                            // expect: IotHubReconnectOnCallbackThread
                            client.open(false);
                            break;
                        }
                        catch (IotHubClientException e)
                        {
                            pause();
                        }
                    }
                }
            }
        }, null);
    }

    /** Bug twice over: an open-only retry loop in the callback; check 2 comes before check 3. */
    public void openOnlyRetryInCallback()
    {
        backupClient.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)
            {
                for (int i = 0; i < 3; i++)
                {
                    try
                    {
                        // expect: IotHubOpenRetryWithoutClose
                        backupClient.open(false);
                        break;
                    }
                    catch (IotHubClientException e)
                    {
                        pause();
                    }
                }
            }
        }, null);
    }

    /** Bug: a nested class calls back into the outer class synchronously. */
    public void nestedClassCallsOuter()
    {
        client.setConnectionStatusChangeCallback(new Listener(), null);
    }

    private final class Listener implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx)
        {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING)
            {
                CallbackThreadTraps.this.abort(client);
            }
        }
    }

    private static void abort(DeviceClient target)
    {
        try
        {
            System.out.println("aborting link");
        }
        finally
        {
            // expect: IotHubReconnectOnCallbackThread
            target.close();
        }
    }

    /** Another class's code: contract v2 follows the call there (ExternalConnectionService.restart). */
    public void delegatesToOtherClass()
    {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                service.restart();
            }
        }, null);
    }

    private static void pause()
    {
        try
        {
            Thread.sleep(1000);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}

/** Lives in the same file but is a separate top-level class. */
class ExternalConnectionService
{
    private final DeviceClient client;

    ExternalConnectionService(DeviceClient client)
    {
        this.client = client;
    }

    void restart()
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
