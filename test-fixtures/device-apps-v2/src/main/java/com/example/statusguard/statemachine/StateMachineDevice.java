package com.example.statusguard.statemachine;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Keeps the last status, reconnects from a periodic task, never from the callback. */
public class StateMachineDevice
{
    private final DeviceClient client;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason lastReason;

    public StateMachineDevice(String cs)
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(new StatusRecorder(), null);
        client.setMessageCallback((message, ctx) -> {
            if ("reconnect".equals(new String(message.getBytes())) && isDown())
            {
                ticker.execute(this::reconnect);
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
        client.subscribeToMethodsAsync((methodName, payload, ctx) -> {
            if ("restartLink".equals(methodName))
            {
                ticker.execute(this::restartLink);
            }
            return new DirectMethodResponse(200, null);
        }, null, (status, ctx) -> { }, null);
    }

    /** Bug (check 1): "!= CONNECTED" lets a reconnect start while the SDK itself is retrying. */
    private void restartLink()
    {
        if (lastStatus != IotHubConnectionStatus.CONNECTED)
        {
            try
            {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            }
            catch (IotHubClientException e)
            {
                System.err.println("restart failed: " + e.getStatusCode());
            }
        }
    }

    private final class StatusRecorder implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx)
        {
            lastStatus = ctx.getNewStatus();
            lastReason = ctx.getNewStatusReason();
        }
    }

    private boolean isDown()
    {
        return lastStatus == IotHubConnectionStatus.DISCONNECTED
                && lastReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
    }

    public void start()
    {
        ticker.scheduleWithFixedDelay(this::tick, 30, 30, TimeUnit.SECONDS);
    }

    /** Fine: guarded by the tracked status. */
    private void tick()
    {
        if (!isDown())
        {
            return;
        }
        try
        {
            client.open(false);
        }
        catch (IotHubClientException e)
        {
            System.err.println("tick reconnect failed: " + e.getStatusCode());
        }
    }

    /** Its only hand-off is dominated by isDown(), so the method counts as guarded. */
    private void reconnect()
    {
        if (lastStatus != IotHubConnectionStatus.CONNECTED)
        {
            try
            {
                client.open(true);
            }
            catch (IotHubClientException e)
            {
                System.err.println("reconnect failed: " + e.getStatusCode());
            }
        }
    }
}
