package com.example.retry.catchreopen;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;

/** Receives direct methods; connection code copied from a StackOverflow answer and then "improved". */
public class CommandListener
{
    private final DeviceClient client;
    private final DeviceClient telemetryClient;
    private final DeviceClient diagClient;

    public CommandListener(String cs, String telemetryCs, String diagCs) throws URISyntaxException
    {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        telemetryClient = new DeviceClient(telemetryCs, IotHubClientProtocol.AMQPS);
        diagClient = new DeviceClient(diagCs, IotHubClientProtocol.HTTPS);
    }

    /** Bug: the catch simply tries again on the same half-open instance. */
    public void start() throws IOException, InterruptedException
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
        }
        catch (IOException first)
        {
            System.err.println("open failed, one more try: " + first.getMessage());
            Thread.sleep(2000);
            client.open();
        }
        client.subscribeToDeviceMethod(
                (methodName, payload, ctx) -> new DeviceMethodData(200, "{\"ok\":true}"),
                null,
                (status, ctx) -> System.out.println("subscribed: " + status),
                null);
    }

    /** Correct: closes before the second attempt. */
    public void startTelemetry() throws IOException
    {
        try
        {
            telemetryClient.open();
        }
        catch (IOException first)
        {
            telemetryClient.closeNow();
            telemetryClient.open();
        }
    }

    /** Bug: the catch goes back through retryLater() into startDiagnostics(). */
    public void startDiagnostics()
    {
        try
        {
            // expect: IotHubOpenRetryWithoutClose
            diagClient.open();
        }
        catch (IOException e)
        {
            retryLater();
        }
    }

    private void retryLater()
    {
        try
        {
            Thread.sleep(10_000);
        }
        catch (InterruptedException ie)
        {
            Thread.currentThread().interrupt();
            return;
        }
        startDiagnostics();
    }

    /** Bug (check 1): a catch after a failed send is not a retry, it is a re-entry site. */
    public void sendTelemetry(String json)
    {
        try
        {
            telemetryClient.sendEventAsync(new Message(json), (status, ctx) -> { }, null);
        }
        catch (IllegalStateException closed)
        {
            try
            {
                // expect: IotHubOpenWithoutStatusGuard
                telemetryClient.open();
            }
            catch (IOException e)
            {
                System.err.println("could not reopen: " + e);
            }
        }
    }
}
