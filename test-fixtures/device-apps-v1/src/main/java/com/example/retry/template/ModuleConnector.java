package com.example.retry.template;

import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** Edge module start-up through the hand-rolled RetryTemplate: attempts as lambdas, forwarded or kept in a local. */
public class ModuleConnector
{
    private ModuleClient client;

    public void connect() throws Exception
    {
        client = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
        new RetryTemplate(5).execute((context, attempt) -> {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
            return null;
        }, null);
    }

    public void connectKept() throws Exception
    {
        RetryCallback<Void> attemptToOpen = (context, attempt) -> {
            // expect: IotHubOpenRetryWithoutClose
            client.open();
            return null;
        };
        new RetryTemplate(5).execute(attemptToOpen, null);
    }

    public void reconnect() throws Exception
    {
        new RetryTemplate(5).execute((context, attempt) -> {
            client.close();
            // quiet: check 2 - each attempt closes the client before it opens it again
            client.open();
            return null;
        }, null);
    }
}
