package com.example.retry.legacyreconnectsample;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * Modelled on the old 1.x DeviceClientReconnectSample: the status callback only logs, main retries open().
 */
public class LegacyReconnectSample
{
    private static final int MAX_OPEN_ATTEMPTS = 10;

    protected static class IotHubConnectionStatusChangeCallbackLogger implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason statusChangeReason, Throwable throwable, Object callbackContext)
        {
            System.out.println();
            System.out.println("CONNECTION STATUS UPDATE: " + status);
            System.out.println("CONNECTION STATUS REASON: " + statusChangeReason);
            System.out.println("CONNECTION STATUS THROWABLE: " + (throwable == null ? "null" : throwable.getMessage()));
            System.out.println();

            if (throwable != null)
            {
                throwable.printStackTrace();
            }

            if (status == IotHubConnectionStatus.DISCONNECTED)
            {
                System.out.println("The connection was lost, and is not being re-established. Look at provided exception for how to resolve this issue. Cannot send messages until this issue is resolved, and you manually re-open the device client");
            }
            else if (status == IotHubConnectionStatus.DISCONNECTED_RETRYING)
            {
                System.out.println("The connection was lost, but is being re-established. Can still send messages, but they won't be sent until the connection is re-established");
            }
            else if (status == IotHubConnectionStatus.CONNECTED)
            {
                System.out.println("The connection was successfully established. Can send messages.");
            }
        }
    }

    protected static class EventCallback implements IotHubEventCallback
    {
        public void execute(IotHubStatusCode status, Object context)
        {
            System.out.println("IoT Hub responded to message " + context + " with status " + status.name());
        }
    }

    public static void main(String[] args) throws IOException, URISyntaxException, InterruptedException
    {
        String connString = args[0];
        IotHubClientProtocol protocol = IotHubClientProtocol.MQTT;
        DeviceClient client = new DeviceClient(connString, protocol);
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallbackLogger(), new Object());

        int attempt = 0;
        boolean opened = false;
        while (!opened)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                opened = true;
            }
            catch (IOException e)
            {
                attempt++;
                if (attempt >= MAX_OPEN_ATTEMPTS)
                {
                    throw e;
                }
                System.out.println("Open failed (" + e.getMessage() + "), retrying in " + attempt + "s");
                Thread.sleep(1000L * attempt);
            }
        }

        for (int i = 0; i < 100; i++)
        {
            Message msg = new Message("{\"temperature\":" + (20 + i % 5) + "}");
            msg.setMessageId(java.util.UUID.randomUUID().toString());
            client.sendEventAsync(msg, new EventCallback(), i);
            Thread.sleep(1000);
        }

        client.closeNow();
        System.out.println("Shutting down...");
    }
}
