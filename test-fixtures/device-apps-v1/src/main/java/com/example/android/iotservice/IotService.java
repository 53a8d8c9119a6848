package com.example.android.iotservice;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Shape of an Android foreground service (lifecycle methods without the Android dependency). */
public class IotService
{
    private static final String TAG = "IotService";

    private final ExecutorService ioExecutor = Executors.newSingleThreadExecutor();
    private final String connectionString;
    private DeviceClient client;
    private volatile boolean connected;

    public IotService(String connectionString)
    {
        this.connectionString = connectionString;
    }

    public void onCreate()
    {
        try
        {
            client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
        }
        catch (URISyntaxException e)
        {
            log("bad connection string " + e);
            return;
        }
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback()
        {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object context)
            {
                log("status " + status + " because " + reason);
                connected = status == IotHubConnectionStatus.CONNECTED;
                if (status == IotHubConnectionStatus.DISCONNECTED
                        && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
                {
                    ioExecutor.execute(() -> reopen());
                }
                else if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL)
                {
                    try
                    {
                        // expect: IotHubReconnectOnCallbackThread
                        client.closeNow();
                    }
                    catch (IOException e)
                    {
                        log("close failed " + e);
                    }
                }
            }
        }, null);
        ioExecutor.execute(this::connectInBackground);
    }

    private void connectInBackground()
    {
        if (connected)
        {
            return;
        }
        try
        {
            client.open();
        }
        catch (IOException e)
        {
            log("first connect failed " + e);
        }
    }

    private void reopen()
    {
        try
        {
            client.closeNow();
            client.open();
        }
        catch (IOException e)
        {
            log("reopen failed " + e);
        }
    }

    public void sendReading(float lux)
    {
        ioExecutor.execute(() -> client.sendEventAsync(new Message("{\"lux\":" + lux + "}"), (s, c) -> log("ack " + s), null));
    }

    public void onDestroy()
    {
        ioExecutor.shutdown();
        try
        {
            client.closeNow();
        }
        catch (IOException e)
        {
            log("close on destroy failed " + e);
        }
    }

    private static void log(String msg)
    {
        System.out.println(TAG + ": " + msg);
    }
}
