package com.example.statusguard.failover;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Two hubs (primary / secondary region) and send paths that reconnect on failure. */
public class FailoverDevice
{
    private final DeviceClient primary;
    private final DeviceClient secondary;
    private final DeviceClient telemetry;
    private final DeviceClient alerts;

    public FailoverDevice(String primaryCs, String secondaryCs)
    {
        primary = new DeviceClient(primaryCs, IotHubClientProtocol.AMQPS);
        secondary = new DeviceClient(secondaryCs, IotHubClientProtocol.AMQPS);
        telemetry = new DeviceClient(primaryCs, IotHubClientProtocol.MQTT);
        alerts = new DeviceClient(primaryCs, IotHubClientProtocol.MQTT_WS);
    }

    /** The catch opens a different client: not a retry construct, so a re-entry site (check 1). */
    public DeviceClient connect() throws IotHubClientException
    {
        try
        {
            primary.open(true);
            return primary;
        }
        catch (IotHubClientException e)
        {
            System.err.println("primary region down, failing over: " + e.getStatusCode());
            // expect: IotHubOpenWithoutStatusGuard
            secondary.open(true);
            return secondary;
        }
    }

    /** Fine: the send path reconnects through a close-then-open loop. */
    public void sendTelemetry(String json) throws InterruptedException
    {
        try
        {
            telemetry.sendEvent(new Message(json));
        }
        catch (IotHubClientException | IllegalStateException e)
        {
            reconnectTelemetry();
        }
    }

    private void reconnectTelemetry() throws InterruptedException
    {
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                telemetry.close();
                telemetry.open(false);
                return;
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(1000L * attempt);
            }
        }
    }

    /** Bug: the send path re-calls an open-only retry; check 1 comes before check 2. */
    public void sendAlert(String json) throws InterruptedException
    {
        try
        {
            alerts.sendEvent(new Message(json));
        }
        catch (IotHubClientException | IllegalStateException e)
        {
            reopenAlerts();
        }
    }

    private void reopenAlerts() throws InterruptedException
    {
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                // expect: IotHubOpenWithoutStatusGuard
                alerts.open(false);
                return;
            }
            catch (IotHubClientException e)
            {
                Thread.sleep(1000L * attempt);
            }
        }
    }

    public void startAlerts() throws IotHubClientException
    {
        alerts.open(true);
    }
}
