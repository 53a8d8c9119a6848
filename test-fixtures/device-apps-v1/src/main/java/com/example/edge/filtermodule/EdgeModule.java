package com.example.edge.filtermodule;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;

/** IoT Edge filter module; the module itself is the status callback. */
public class EdgeModule implements IotHubConnectionStatusChangeCallback
{
    private static final int MAX_RETRIES = 6;
    private static final double TEMPERATURE_THRESHOLD = 25.0;

    private final ModuleClient moduleClient;

    public EdgeModule() throws ModuleClientException
    {
        moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
        moduleClient.registerConnectionStatusChangeCallback(this, null);
        moduleClient.setMessageCallback("input1", (message, context) -> {
            String body = new String(message.getBytes());
            if (body.contains("temperature") && parse(body) > TEMPERATURE_THRESHOLD)
            {
                moduleClient.sendEventAsync(new Message(body), (status, c) -> { }, null, "output1");
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    public void start()
    {
        connect(0);
    }

    /** Bug: recursive retry from the catch, the half-open module client is never closed. */
    private void connect(int attempt)
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            moduleClient.open();
            System.out.println("module connected after " + attempt + " retries");
        }
        catch (IOException e)
        {
            if (attempt >= MAX_RETRIES)
            {
                throw new IllegalStateException("edgeHub unreachable", e);
            }
            sleep(1000L << attempt);
            connect(attempt + 1);
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context)
    {
        System.out.printf("status=%s reason=%s%n", status, reason);
        if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED)
        {
            try
            {
                // expect: IotHubReconnectOnCallbackThread
                moduleClient.closeNow();
                // expect: IotHubReconnectOnCallbackThread
                moduleClient.open();
            }
            catch (IOException e)
            {
                System.err.println("re-open failed: " + e);
            }
        }
    }

    private static double parse(String body)
    {
        try
        {
            return Double.parseDouble(body.replaceAll("[^0-9.]", ""));
        }
        catch (NumberFormatException e)
        {
            return 0;
        }
    }

    private static void sleep(long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception
    {
        EdgeModule module = new EdgeModule();
        module.start();
        Thread.currentThread().join();
    }
}
