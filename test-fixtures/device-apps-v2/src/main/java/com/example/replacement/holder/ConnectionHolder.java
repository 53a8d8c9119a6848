package com.example.replacement.holder;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Reassignment in same-class methods: reachable from a scheduler, from start-up only, or both. */
public class ConnectionHolder {
    private final String cs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public ConnectionHolder(String cs) throws IotHubClientException {
        this.cs = cs;
        connect();
        initOnce();
    }

    /** Called from the constructor AND from the scheduled watchdog: reachable from a re-entry site. */
    private void connect() throws IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(ctx -> lastStatus = ctx.getNewStatus(), null);
        client.open(false);
    }

    /** Only from the constructor. */
    private void initOnce() throws IotHubClientException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.open(false);
    }

    public void startWatchdog() {
        scheduler.scheduleWithFixedDelay(() -> {
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    connect();
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
        }, 30, 30, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::lazyInit, 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::cleanReconnect, 60, 60, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::partialClose, 90, 90, TimeUnit.SECONDS);
    }

    /** Null check that skips creation while a client exists. */
    private void lazyInit() {
        if (client != null) {
            return;
        }
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Close first, then recreate. */
    private void cleanReconnect() {
        if (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        if (client != null) {
            client.close();
        }
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Closes the previous client only while it is CONNECTED; a DISCONNECTED one is dropped unclosed. */
    private void partialClose() {
        if (client != null && lastStatus == IotHubConnectionStatus.CONNECTED) {
            client.close();
        }
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** main-only helper. */
    static ConnectionHolder create(String cs) throws IotHubClientException {
        return new ConnectionHolder(cs);
    }

    public static void main(String[] args) throws Exception {
        create(args[0]).startWatchdog();
    }
}
