package com.example.retrylibraries.mixed;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Recover;
import org.springframework.retry.annotation.Retryable;
import org.springframework.retry.support.RetryTemplate;

/** A Spring service that connects with @Retryable and a RetryTemplate (the bean wiring is left out). */
public class SpringIotHubService
{
    private final DeviceClient client;
    private final DeviceClient reportClient;
    private final RetryTemplate retryTemplate = RetryTemplate.builder()
        .maxAttempts(5)
        .exponentialBackoff(1000, 2, 30000)
        .retryOn(IotHubClientException.class)
        .build();
    private final RetryTemplate closingTemplate = RetryTemplate.builder()
        .maxAttempts(5)
        .fixedBackoff(2000)
        .withListener(new RetryListener()
        {
            @Override
            public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback, Throwable throwable)
            {
                reportClient.close();
            }
        })
        .build();

    public SpringIotHubService(String connectionString)
    {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        reportClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    }

    /** Bug: Spring's proxy calls this up to five times on the same client, never closing it. */
    @Retryable(retryFor = IotHubClientException.class, maxAttempts = 5, backoff = @Backoff(delay = 2000, multiplier = 2))
    public void connect() throws IotHubClientException
    {
        // expect: IotHubOpenRetryWithoutClose
        client.open(true);
    }

    @Recover
    public void giveUp(IotHubClientException e)
    {
        client.close();
    }

    /** Bug: the template's attempt reopens without a close. */
    public void reconnect() throws IotHubClientException
    {
        retryTemplate.execute(context -> {
            // expect: IotHubOpenRetryWithoutClose
            client.open(true);
            return null;
        });
    }

    /** Correct: the template's listener closes the failed client. */
    public void connectReports() throws IotHubClientException
    {
        closingTemplate.execute(context -> {
            reportClient.open(true);
            return null;
        });
    }

    /** Calls connect() through the proxy, as another bean does. */
    public static class Startup
    {
        private final SpringIotHubService service;

        public Startup(SpringIotHubService service)
        {
            this.service = service;
        }

        public void onApplicationReady() throws IotHubClientException
        {
            service.connect();
        }
    }
}
