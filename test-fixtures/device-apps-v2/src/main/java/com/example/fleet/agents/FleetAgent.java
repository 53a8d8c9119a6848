package com.example.fleet.agents;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Whole agent (2.x) where all five checks meet. */
public class FleetAgent implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String cs;
    private volatile DeviceClient client;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public FleetAgent(String cs) {
        this.cs = cs;
    }

    public void start() throws InterruptedException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(this::onCommand, null);
        for (int attempt = 0; ; attempt++) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                Thread.sleep(Math.min(30_000L, 1000L << attempt));
            }
        }
        scheduler.scheduleAtFixedRate(this::publish, 0, 10, TimeUnit.SECONDS);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        status = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
            // expect: IotHubReconnectOnCallbackThread
            client.close();
            return;
        }
        // expect: IotHubReopenAfterClientClose
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            worker.submit(this::recover);
        }
    }

    /** Worker: replaces the client without closing the old one. */
    private void recover() {
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(this::onCommand, null);
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("recover failed " + e);
        }
    }

    private IotHubMessageResult onCommand(Message message, Object ctx) {
        String cmd = new String(message.getBytes(), StandardCharsets.UTF_8);
        if ("reopen".equals(cmd)) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
        } else if ("restart".equals(cmd)) {
            worker.submit(() -> {
                client.close();
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            });
        }
        return IotHubMessageResult.COMPLETE;
    }

    /** Scheduler: guarded by the recorded status, closes first. */
    private void publish() {
        if (status == IotHubConnectionStatus.CONNECTED) {
            client.sendEventAsync(new Message("{\"up\":1}"), (m, e, c) -> { }, null);
            return;
        }
        if (status != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        client.close();
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("publish reconnect failed " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        new FleetAgent(args[0]).start();
    }
}
