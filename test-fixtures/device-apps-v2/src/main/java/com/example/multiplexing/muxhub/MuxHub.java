package com.example.multiplexing.muxhub;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.List;

/** Multiplexed AMQP connection for a gateway. */
public class MuxHub
{
    private final MultiplexingClient multiplexingClient;

    public MuxHub(String hostName, List<DeviceClient> leaves) throws InterruptedException, IotHubClientException
    {
        multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
        multiplexingClient.registerDeviceClients(leaves);
        multiplexingClient.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
            {
                System.out.println("multiplexed connection lost, tearing down");
                // expect: IotHubReconnectOnCallbackThread
                multiplexingClient.close();
            }
        }, null);
    }

    /** Correct: close-then-open loop, as in the reconnection sample. */
    public void open() throws InterruptedException
    {
        while (true)
        {
            try
            {
                multiplexingClient.close();
                multiplexingClient.open(true);
                return;
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(5_000);
            }
        }
    }

    /** Bug: retries with a counter only. */
    public void openQuick() throws IotHubClientException
    {
        int remaining = 3;
        while (remaining-- > 0)
        {
            try
            {
                // expect: IotHubOpenRetryWithoutClose
                multiplexingClient.open(false);
                return;
            }
            catch (IotHubClientException e)
            {
                if (remaining == 0)
                {
                    throw e;
                }
            }
        }
    }
}
