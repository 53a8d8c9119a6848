package com.example.fleet.agents;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A whole fleet agent where several checks meet. */
public class FleetAgent implements IotHubConnectionStatusChangeCallback {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String cs;
    private volatile DeviceClient client;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public FleetAgent(String cs) {
        this.cs = cs;
    }

    public void start() throws URISyntaxException, InterruptedException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(this::onCommand, null);
        while (true) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                break;
            } catch (IOException e) {
                Thread.sleep(2000);
            }
        }
        scheduler.scheduleAtFixedRate(this::publish, 0, 10, TimeUnit.SECONDS);
    }

    @Override
    public void execute(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        status = newStatus;
        if (newStatus == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
            System.out.println("SDK is retrying, hands off");
            return;
        }
        // expect: IotHubReopenAfterClientClose
        if (newStatus == IotHubConnectionStatus.DISCONNECTED) {
            worker.submit(this::recover);
        }
        if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.closeNow();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    /** Worker thread: rebuilds the client but forgets the old one. */
    private void recover() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            client.registerConnectionStatusChangeCallback(this, null);
            client.setMessageCallback(this::onCommand, null);
            client.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println("recover failed " + e);
        }
    }

    private IotHubMessageResult onCommand(Message message, Object ctx) {
        String cmd = new String(message.getBytes(), StandardCharsets.UTF_8);
        try {
            if ("reopen".equals(cmd)) {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } else if ("restart".equals(cmd)) {
                worker.submit(() -> {
                    try {
                        client.closeNow();
                        client.open();
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                });
            }
        } catch (IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    /** Scheduled publisher: reconnects only when the recorded status is DISCONNECTED, closing first. */
    private void publish() {
        try {
            if (status == IotHubConnectionStatus.CONNECTED) {
                client.sendEventAsync(new Message("{\"up\":1}"), null, null);
            } else if (status == IotHubConnectionStatus.DISCONNECTED) {
                client.closeNow();
                client.open();
            }
        } catch (IOException e) {
            System.err.println("publish failed " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        new FleetAgent(args[0]).start();
    }
}
