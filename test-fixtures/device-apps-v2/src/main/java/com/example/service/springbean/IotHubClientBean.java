package com.example.service.springbean;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Spring Boot-ish configuration + service, annotations left out. */
public class IotHubClientBean
{
    private final ScheduledExecutorService taskScheduler = Executors.newScheduledThreadPool(2);
    private final String connectionString;
    private final DeviceClient deviceClient;
    private final DeviceClient commandClient;
    private DeviceClient reportingClient;

    public IotHubClientBean(String connectionString)
    {
        this.connectionString = connectionString;
        ClientOptions options = ClientOptions.builder().keepAliveInterval(60).build();
        this.deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT, options);
        this.commandClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS, options);
    }

    // @EventListener(ApplicationReadyEvent.class)
    public void onReady()
    {
        taskScheduler.execute(this::connect);
        CompletableFuture.runAsync(this::connectCommands);
    }

    /** Scheduled retry without a guard: check 1 (scheduled method reference = re-entry site) wins. */
    void connect()
    {
        try
        {
            // expect: IotHubOpenWithoutStatusGuard
            deviceClient.open(false);
        }
        catch (IotHubClientException e)
        {
            taskScheduler.schedule(this::connect, 15, TimeUnit.SECONDS);
        }
    }

    /** Correct: close in the catch, then schedule. */
    void connectCommands()
    {
        try
        {
            commandClient.close();
            commandClient.open(true);
        }
        catch (IotHubClientException e)
        {
            commandClient.close();
            taskScheduler.schedule(this::connectCommands, 15, TimeUnit.SECONDS);
        }
    }

    /** Correct: fresh client per scheduled attempt, failed one closed. */
    void connectReporting()
    {
        reportingClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
        try
        {
            reportingClient.open(false);
        }
        catch (IotHubClientException e)
        {
            reportingClient.close();
            reportingClient = null;
            taskScheduler.schedule(() -> connectReporting(), 30, TimeUnit.SECONDS);
        }
    }

    public void startReporting()
    {
        connectReporting();
    }

    // @Scheduled(fixedRate = 60000)
    public void heartbeat()
    {
        deviceClient.sendEventAsync(new Message("{\"alive\":true}"), (m, e, c) -> { }, null);
    }

    // @PreDestroy
    public void destroy()
    {
        taskScheduler.shutdownNow();
        deviceClient.close();
        commandClient.close();
        if (reportingClient != null)
        {
            reportingClient.close();
        }
    }
}
