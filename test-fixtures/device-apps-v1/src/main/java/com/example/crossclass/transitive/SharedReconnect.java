package com.example.crossclass.transitive;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One reconnect() used from main, from the callback, and from a worker thread. */
public class SharedReconnect implements Runnable
{
    private final DeviceClient client;
    private final DeviceClient sideClient;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    /** Callback kept in a field. */
    private final IotHubConnectionStatusChangeCallback statusCallback = (status, reason, cause, ctx) -> {
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
        {
            reconnect();
        }
    };

    private final IotHubConnectionStatusChangeCallback sideCallback = new IotHubConnectionStatusChangeCallback()
    {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx)
        {
            if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                scheduleSideReconnect();
            }
        }
    };

    public SharedReconnect(String cs, String sideCs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        sideClient = new DeviceClient(sideCs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(statusCallback, null);
        sideClient.registerConnectionStatusChangeCallback(sideCallback, null);
    }

    /** Called from main as well as from the callback: the call from main is not guarded. */
    public void reconnect()
    {
        try
        {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // not reported: contract v2: the call from main is start-up code; the callback calls it under a guard
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        }
        catch (IOException e)
        {
            System.err.println("reconnect failed " + e);
        }
    }

    /** Transitive method that itself hands off: nothing here runs on the callback thread. */
    private void scheduleSideReconnect()
    {
        System.out.println("side link lost, reconnecting on a worker");
        worker.execute(new Thread(this));
    }

    @Override
    public void run()
    {
        try
        {
            sideClient.closeNow();
            sideClient.open();
        }
        catch (IOException e)
        {
            System.err.println("side reconnect failed " + e);
        }
    }

    public static void main(String[] args) throws Exception
    {
        SharedReconnect app = new SharedReconnect(args[0], args[1]);
        app.reconnect();
        app.sideClient.open();
    }
}
