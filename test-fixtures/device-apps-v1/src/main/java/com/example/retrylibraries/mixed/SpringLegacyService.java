package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import java.io.IOException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;
import org.springframework.retry.support.RetryTemplate;

/** A Spring service on the 1.x SDK (the bean wiring is left out). */
public class SpringLegacyService
{
    private final DeviceClient client;
    private final RetryTemplate retryTemplate = new RetryTemplate();

    public SpringLegacyService(DeviceClient client)
    {
        this.client = client;
    }

    /** Bug: the listener is a bean name, out of sight; Spring retries on the same client. */
    @Retryable(retryFor = IOException.class, maxAttempts = 4, backoff = @Backoff(delay = 1000), listeners = "closingListener")
    public void connect() throws IOException
    {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
    }

    /** Correct: connect() called on this object bypasses Spring's proxy: one attempt. */
    public void connectDirectly() throws IOException
    {
        this.connect();
    }

    /** Bug: an anonymous RetryCallback, the pre-lambda style. */
    public void reconnect() throws IOException
    {
        retryTemplate.execute(new RetryCallback<Void, IOException>()
        {
            @Override
            public Void doWithRetry(RetryContext context) throws IOException
            {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                return null;
            }
        });
    }

    /** Calls connect() through the proxy, as another bean does. */
    public static class Startup
    {
        private final SpringLegacyService service;

        public Startup(SpringLegacyService service)
        {
            this.service = service;
        }

        public void onApplicationReady() throws IOException
        {
            service.connect();
        }
    }
}
