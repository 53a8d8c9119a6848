package com.example.crossclass.transitive;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Device agent; the agent itself is the status callback and delegates through a few helpers. */
public class DeviceAgent implements IotHubConnectionStatusChangeCallback
{
    private final DeviceClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final Timer timer = new Timer("agent-timer", true);
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public DeviceAgent(String cs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    public void start() throws IOException
    {
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx)
    {
        lastStatus = status;
        handle(status, reason);
    }

    private void handle(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason)
    {
        if (status != IotHubConnectionStatus.DISCONNECTED || reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
        {
            return;
        }
        switch (reason)
        {
            case EXPIRED_SAS_TOKEN:
                restartNow();
                break;
            case BAD_CREDENTIAL:
                giveUp();
                break;
            case NO_NETWORK:
                timer.schedule(new TimerTask()
                {
                    @Override
                    public void run()
                    {
                        restartFromTimer();
                    }
                }, 10_000L);
                break;
            default:
                worker.submit(this::restartInBackground);
                break;
        }
    }

    /** Bug: runs on the callback thread (execute -> handle -> restartNow). */
    private void restartNow()
    {
        try
        {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        }
        catch (IOException e)
        {
            System.err.println("restart failed " + e);
        }
    }

    /** Bug: reached synchronously from the callback, two calls deep. */
    private void giveUp()
    {
        shutdownClient();
    }

    private void shutdownClient()
    {
        try
        {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
        }
        catch (IOException e)
        {
            System.err.println("close failed " + e);
        }
    }

    /** Fine: runs on the worker. */
    private void restartInBackground()
    {
        try
        {
            client.closeNow();
            client.open();
        }
        catch (IOException e)
        {
            System.err.println("background restart failed " + e);
        }
    }

    /** Fine: runs on the timer thread. */
    private void restartFromTimer()
    {
        try
        {
            client.closeNow();
            client.open();
        }
        catch (IOException e)
        {
            System.err.println("timer restart failed " + e);
        }
    }

    /** Called by the app's health endpoint; tracked status guard, not in the callback. */
    public void ensureConnected() throws IOException
    {
        if (lastStatus == IotHubConnectionStatus.DISCONNECTED)
        {
            client.open();
        }
    }
}
