package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The callback forwards contexts through a queue; a worker decides on its own copy. */
public class QueueReconnectWorker {
    private final BlockingQueue<ConnectionStatusChangeContext> inbox = new ArrayBlockingQueue<>(64);
    private final ExecutorService workers = Executors.newFixedThreadPool(3);
    private final DeviceClient client;
    private final DeviceClient backup;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubConnectionStatusChangeReason reason;
    private volatile boolean running = true;

    public QueueReconnectWorker() {
        client = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        backup = new DeviceClient(Util.CS.replace("dev1", "backup"), IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this::record, null);
        backup.setConnectionStatusChangeCallback(ctx -> inbox.offer(ctx), null);
    }

    private void record(ConnectionStatusChangeContext ctx) {
        status = ctx.getNewStatus();
        reason = ctx.getNewStatusReason();
    }

    public void start() throws IotHubClientException {
        client.open(false);
        backup.open(false);
        workers.execute(this::watchClient);
        workers.execute(this::drainBackup);
        workers.execute(this::watchClientLoose);
    }

    /** Polling monitor loop over a local copy of the status field, early continue. */
    private void watchClient() {
        while (running) {
            sleepQuietly();
            IotHubConnectionStatus snapshot = status;
            IotHubConnectionStatusChangeReason why = reason;
            if (snapshot != IotHubConnectionStatus.DISCONNECTED || why == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                continue;
            }
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println("next poll will retry " + e);
            }
        }
    }

    /** Queue consumer: guard on getNewStatus() of the forwarded context (not a status callback here). */
    private void drainBackup() {
        while (running) {
            ConnectionStatusChangeContext ctx;
            try {
                ctx = inbox.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (ctx == null) {
                continue;
            }
            if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                continue;
            }
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                backup.close();
                try {
                    backup.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
        }
    }

    /** Near miss: the local copy is compared with CONNECTED, which lets DISCONNECTED_RETRYING through. */
    private void watchClientLoose() {
        while (running) {
            sleepQuietly();
            IotHubConnectionStatus snapshot = status;
            if (snapshot == IotHubConnectionStatus.CONNECTED) {
                continue;
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                System.err.println(e);
            }
        }
    }

    private static void sleepQuietly() {
        Util.pause(2000);
    }
}
