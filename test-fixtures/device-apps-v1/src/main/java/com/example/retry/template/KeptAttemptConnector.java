package com.example.retry.template;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;

/** Attempts kept in fields, as services keep their start-up steps, then run through the RetryTemplate. */
public class KeptAttemptConnector
{
    private ModuleClient client;
    private final RetryCallback<Void> firstOpen = (context, attempt) -> {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
        return null;
    };
    private final RetryCallback<Void> cleanReopen;

    public KeptAttemptConnector() throws Exception
    {
        client = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
        cleanReopen = (context, attempt) -> {
            client.closeNow();
            // quiet: check 2 - each attempt closes the client before it opens it again
            client.open();
            return null;
        };
    }

    public void connect() throws Exception
    {
        new RetryTemplate(5).execute(firstOpen, null);
    }

    public void reconnect() throws Exception
    {
        new RetryTemplate(5).execute(cleanReopen, null);
    }
}
