package com.example.quiet.clientmanagersample;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Architecture of the 2.x device reconnection sample: the callback only records and signals,
 * a manager thread closes and re-opens with a delay.
 */
public class DeviceClientManager implements IotHubConnectionStatusChangeCallback
{
    private static final Logger log = Logger.getLogger(DeviceClientManager.class.getName());
    private static final int SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS = 10;

    private final Object reconnectionLock = new Object();
    private final DeviceClient deviceClient;
    private boolean reconnectionNeeded;

    public DeviceClientManager(String connectionString, IotHubClientProtocol protocol)
    {
        deviceClient = new DeviceClient(connectionString, protocol);
        deviceClient.setConnectionStatusChangeCallback(this, this);
    }

    public void run() throws IotHubClientException, InterruptedException
    {
        deviceClient.open(true);

        Thread telemetry = new Thread(this::sendTelemetry, "telemetry");
        telemetry.setDaemon(true);
        telemetry.start();

        while (!Thread.currentThread().isInterrupted())
        {
            synchronized (reconnectionLock)
            {
                while (!reconnectionNeeded)
                {
                    reconnectionLock.wait();
                }
                reconnectionNeeded = false;
            }
            reconnect();
        }
    }

    private void reconnect() throws InterruptedException
    {
        while (true)
        {
            try
            {
                deviceClient.close();
                deviceClient.open(false);
                log.info("Successfully reconnected");
                return;
            }
            catch (IotHubClientException e)
            {
                log.warning("Failed to reconnect (" + e.getStatusCode() + "), retrying in " + SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS + "s");
                TimeUnit.SECONDS.sleep(SLEEP_TIME_BEFORE_RECONNECTING_IN_SECONDS);
            }
        }
    }

    private void sendTelemetry()
    {
        int i = 0;
        while (true)
        {
            Message message = new Message("hello " + i++);
            deviceClient.sendEventAsync(message, (sent, exception, ctx) -> {
                if (exception != null)
                {
                    log.info("message " + sent.getMessageId() + " failed: " + exception.getStatusCode());
                }
            }, null);
            try
            {
                Thread.sleep(1000);
            }
            catch (InterruptedException e)
            {
                return;
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext connectionStatusChangeContext)
    {
        IotHubConnectionStatus newStatus = connectionStatusChangeContext.getNewStatus();
        IotHubConnectionStatusChangeReason newStatusReason = connectionStatusChangeContext.getNewStatusReason();
        IotHubConnectionStatus previousStatus = connectionStatusChangeContext.getPreviousStatus();
        Throwable throwable = connectionStatusChangeContext.getCause();

        log.info("Connection status changed from " + previousStatus + " to " + newStatus + " because " + newStatusReason
                + (throwable == null ? "" : " (" + throwable.getMessage() + ")"));

        if (newStatus == IotHubConnectionStatus.DISCONNECTED && newStatusReason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE)
        {
            synchronized (reconnectionLock)
            {
                reconnectionNeeded = true;
                reconnectionLock.notifyAll();
            }
        }
    }

    public static void main(String[] args) throws Exception
    {
        new DeviceClientManager(args[0], IotHubClientProtocol.AMQPS).run();
    }
}
