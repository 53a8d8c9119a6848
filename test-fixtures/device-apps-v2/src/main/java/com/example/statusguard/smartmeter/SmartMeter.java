package com.example.statusguard.smartmeter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Electricity smart meter: maintenance jobs that cycle the IoT Hub link. */
public class SmartMeter {
    /** Holder shared with the tariff module. */
    static final class Link {
        DeviceClient client;
        String connectionString;
    }

    private final Link primary = new Link();
    private final Link tariff = new Link();
    private DeviceClient client;
    private final ScheduledExecutorService jobs = Executors.newScheduledThreadPool(1);
    private volatile boolean credentialsChanged;

    public SmartMeter(String cs, String tariffCs) {
        primary.connectionString = cs;
        primary.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        tariff.connectionString = tariffCs;
        tariff.client = new DeviceClient(tariffCs, IotHubClientProtocol.MQTT);
        client = primary.client;
    }

    public void boot() throws IotHubClientException {
        primary.client.open(true);
        tariff.client.open(true);
        jobs.scheduleAtFixedRate(this::cycleHolder, 1, 1, TimeUnit.DAYS);
        jobs.scheduleAtFixedRate(this::cycleWrongHolder, 1, 1, TimeUnit.DAYS);
        jobs.scheduleAtFixedRate(this::applyCredentials, 10, 10, TimeUnit.MINUTES);
        jobs.scheduleAtFixedRate(this::recreateOnEveryPath, 7, 7, TimeUnit.DAYS);
        jobs.scheduleAtFixedRate(this::createOrCycle, 12, 12, TimeUnit.HOURS);
        jobs.scheduleAtFixedRate(this::closeNowReopenLater, 3, 3, TimeUnit.DAYS);
        jobs.schedule(new Runnable() {
            @Override
            public void run() {
                flushAndReconnect();
            }
        }, 1, TimeUnit.HOURS);
        new Thread() {
            @Override
            public void run() {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    tariff.client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println("tariff link failed: " + e.getStatusCode());
                }
            }
        }.start();
    }

    private void cycleHolder() {
        primary.client.close();
        try {
            primary.client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("cycle failed: " + e.getStatusCode());
        }
    }

    private void cycleWrongHolder() {
        tariff.client.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            primary.client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("cycle failed: " + e.getStatusCode());
        }
    }

    private void applyCredentials() {
        if (credentialsChanged) {
            client.close();
            client = new DeviceClient(primary.connectionString, IotHubClientProtocol.MQTT);
            credentialsChanged = false;
        } else if (client == null) {
            client = new DeviceClient(primary.connectionString, IotHubClientProtocol.MQTT);
        } else {
            return;
        }
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("credential switch failed: " + e.getStatusCode());
        }
    }

    private void recreateOnEveryPath() {
        DeviceClient old = this.client;
        if (old != null) {
            old.close();
        }
        this.client = new DeviceClient(primary.connectionString, IotHubClientProtocol.MQTT);
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("weekly recreate failed: " + e.getStatusCode());
        }
    }

    private void createOrCycle() {
        if (client == null) {
            client = new DeviceClient(primary.connectionString, IotHubClientProtocol.MQTT);
        } else {
            client.close();
        }
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("create-or-cycle failed: " + e.getStatusCode());
        }
    }

    private void closeNowReopenLater() {
        client.close();
        jobs.schedule(() -> {
            try {
                // not reported: contract v2: the lambda belongs to closeNowReopenLater, which closed the client first (exemption a)
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("delayed reopen failed: " + e.getStatusCode());
            }
        }, 30, TimeUnit.SECONDS);
    }

    private void flushAndReconnect() {
        try {
            client.sendEvent(new Message("{\"flush\":true}"));
        } catch (IotHubClientException | InterruptedException e) {
            System.err.println("flush failed: " + e);
        }
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e.getStatusCode());
        }
    }

    public void setCredentialsChanged(boolean changed) {
        credentialsChanged = changed;
    }

    public void shutdown() {
        jobs.shutdownNow();
        if (client != null) {
            client.close();
        }
        tariff.client.close();
    }
}
