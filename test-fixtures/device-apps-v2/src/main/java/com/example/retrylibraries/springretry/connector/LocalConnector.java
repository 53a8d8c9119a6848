package com.example.retrylibraries.springretry.connector;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import org.springframework.retry.annotation.Retryable;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** @Retryable method that is only ever self-called: Spring's proxy never retries it. */
public class LocalConnector {

    private final DeviceClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public LocalConnector(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        this.client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
    }

    public void start() throws IotHubClientException {
        this.connect();
        scheduler.scheduleWithFixedDelay(new Watchdog(), 30, 30, TimeUnit.SECONDS);
    }

    @Retryable(retryFor = IotHubClientException.class, maxAttempts = 3)
    public void connect() throws IotHubClientException {
        // quiet: "a @Retryable method retries only at such a call" - both calls are this.connect()/LocalConnector.this.connect(); the watchdog call is guarded by tracked state
        client.open(false);
    }

    private class Watchdog implements Runnable {
        @Override
        public void run() {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    LocalConnector.this.connect();
                } catch (IotHubClientException e) {
                    System.err.println("watchdog reconnect failed: " + e.getMessage());
                }
            }
        }
    }
}
