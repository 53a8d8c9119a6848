package com.example.crossclass.transitive;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Keeps its own model of the link and reacts through a chain of helpers. */
public class ConnectionManager
{
    enum State { UNKNOWN, CONNECTED, RETRYING, DISCONNECTED }

    private final DeviceClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile State state = State.UNKNOWN;

    public ConnectionManager(String cs)
    {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
        client.setConnectionStatusChangeCallback(this::onStatus, null);
    }

    public void start() throws IotHubClientException
    {
        client.open(true);
    }

    private void onStatus(ConnectionStatusChangeContext ctx)
    {
        state = switch (ctx.getNewStatus())
        {
            case CONNECTED -> State.CONNECTED;
            case DISCONNECTED_RETRYING -> State.RETRYING;
            case DISCONNECTED -> State.DISCONNECTED;
        };
        react(ctx.getNewStatusReason());
    }

    private void react(IotHubConnectionStatusChangeReason reason)
    {
        if (state != State.DISCONNECTED)
        {
            return;
        }
        if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
        {
            return;
        }
        if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN)
        {
            refreshCredentials();
        }
        else if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL)
        {
            executor.execute(new ReconnectTask());
        }
        else
        {
            executor.submit(() -> recover());
        }
    }

    private void refreshCredentials()
    {
        System.out.println("rotating SAS key");
        restart();
    }

    /** Bug: three calls deep, still on the callback thread. */
    private void restart()
    {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try
        {
            // expect: IotHubReconnectOnCallbackThread
            client.open(true);
        }
        catch (IotHubClientException e)
        {
            System.err.println("restart failed " + e.getStatusCode());
        }
    }

    /** Fine: runs on the executor. */
    private void recover()
    {
        client.close();
        try
        {
            client.open(false);
        }
        catch (IotHubClientException e)
        {
            System.err.println("recover failed " + e.getStatusCode());
        }
    }

    /** Fine: handed to the executor as a task object. */
    private final class ReconnectTask implements Runnable
    {
        @Override
        public void run()
        {
            client.close();
            try
            {
                client.open(true);
            }
            catch (IotHubClientException e)
            {
                System.err.println("task failed " + e.getStatusCode());
            }
        }
    }

    /** Called from the app's REST endpoint: guarded by the tracked state. */
    public void reconnectIfDown() throws IotHubClientException
    {
        if (state == State.DISCONNECTED)
        {
            client.open(false);
        }
    }
}
