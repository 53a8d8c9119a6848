package com.example.statuscallback.contextcallbacks;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;

/** 1.x style: the client travels through the callback context object. */
public class ContextCallbacks
{
    static class ReconnectOnLoss implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext)
        {
            DeviceClient deviceClient = (DeviceClient) callbackContext;
            if (status != IotHubConnectionStatus.CONNECTED && status != IotHubConnectionStatus.DISCONNECTED_RETRYING
                    && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                try
                {
                    // expect: IotHubReconnectOnCallbackThread
                    deviceClient.closeNow();
                    // expect: IotHubReconnectOnCallbackThread
                    deviceClient.open();
                }
                catch (IOException e)
                {
                    e.printStackTrace();
                }
            }
        }
    }

    static class EagerReconnect implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext)
        {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED || status == IotHubConnectionStatus.DISCONNECTED_RETRYING)
            {
                try
                {
                    // expect: IotHubOpenWithoutStatusGuard
                    ((DeviceClient) callbackContext).open();
                }
                catch (IOException e)
                {
                    e.printStackTrace();
                }
            }
        }
    }

    static class OldSwitch implements IotHubConnectionStatusChangeCallback
    {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext)
        {
            DeviceClient c = (DeviceClient) callbackContext;
            switch (status)
            {
                case DISCONNECTED:
                    switch (reason)
                    {
                        case CLIENT_CLOSE:
                            return;
                        case EXPIRED_SAS_TOKEN:
                        case RETRY_EXPIRED:
                        case COMMUNICATION_ERROR:
                            try
                            {
                                // expect: IotHubReconnectOnCallbackThread
                                c.open();
                            }
                            catch (IOException e)
                            {
                                e.printStackTrace();
                            }
                            break;
                        default:
                            break;
                    }
                    break;
                case DISCONNECTED_RETRYING:
                    System.out.println("retrying...");
                    break;
                default:
                    System.out.println("connected");
            }
        }
    }

    public static void main(String[] args) throws URISyntaxException, IOException, InterruptedException
    {
        DeviceClient client = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(new ReconnectOnLoss(), client);
        client.open();
        Thread.sleep(Long.MAX_VALUE);
    }
}
