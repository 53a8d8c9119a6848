package com.example.android.telemetryworker;

import android.os.Handler;
import android.os.HandlerThread;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Optional;

/** Android app component: background HandlerThread for IoT work, WorkManager-style doWork(). */
public class TelemetryWorker implements IotHubConnectionStatusChangeCallback
{
    public enum Result { SUCCESS, RETRY, FAILURE }

    private final HandlerThread iotThread = new HandlerThread("iot");
    private final Handler iotHandler;
    private final DeviceClient client;
    private volatile boolean connected;

    public TelemetryWorker(String cs)
    {
        iotThread.start();
        iotHandler = new Handler(iotThread.getLooper());
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT_WS);
        client.setConnectionStatusChangeCallback(this, null);
    }

    /** Bug: WorkManager-style loop, open retried without close. */
    public Result doWork(String payload)
    {
        int runAttempt = 0;
        while (!connected && runAttempt < 3)
        {
            runAttempt++;
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open(true);
                connected = true;
            }
            catch (IotHubClientException e)
            {
                if (!e.isRetryable())
                {
                    return Result.FAILURE;
                }
            }
        }
        if (!connected)
        {
            return Result.RETRY;
        }
        client.sendEventAsync(new Message(payload), (m, e, c) -> { }, null);
        return Result.SUCCESS;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx)
    {
        connected = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED)
        {
            switch (ctx.getNewStatusReason())
            {
                case CLIENT_CLOSE:
                    break;
                case BAD_CREDENTIAL:
                    // synchronous close via Optional: still the callback thread
                    // expect: IotHubReconnectOnCallbackThread
                    Optional.ofNullable(client).ifPresent(c -> c.close());
                    break;
                default:
                    iotHandler.postDelayed(this::reconnectOnIotThread, 2_000);
                    break;
            }
        }
    }

    private void reconnectOnIotThread()
    {
        client.close();
        try
        {
            client.open(false);
        }
        catch (IotHubClientException e)
        {
            iotHandler.postDelayed(this::reconnectOnIotThread, 10_000);
        }
    }

    public void onDestroy()
    {
        client.close();
        iotThread.interrupt();
    }
}
