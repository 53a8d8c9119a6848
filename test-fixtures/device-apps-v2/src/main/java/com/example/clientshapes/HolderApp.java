package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.nio.charset.StandardCharsets;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Clients held in fields of other objects: holder.client.open(false). */
public class HolderApp {
    static final class Holder {
        volatile DeviceClient client;
        volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    }

    private final Holder primary = new Holder();
    private final Holder backup = new Holder();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
    private final Timer timer = new Timer(true);

    public void start(String primaryCs, String backupCs) throws IotHubClientException {
        primary.client = new DeviceClient(primaryCs, IotHubClientProtocol.AMQPS);
        backup.client = new DeviceClient(backupCs, IotHubClientProtocol.AMQPS);
        primary.client.setConnectionStatusChangeCallback(ctx -> {
            primary.status = ctx.getNewStatus();
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                ses.execute(this::recoverPrimary);
            }
        }, null);
        primary.client.setMessageCallback((msg, ctx) -> {
            String body = new String(msg.getBytes(), StandardCharsets.UTF_8);
            if (body.startsWith("primary:")) {
                rebuildPrimary(body.substring(8));
            } else if (body.startsWith("backup:")) {
                rebuildBackupSafely(body.substring(7));
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
        primary.client.open(true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                probe();
                failover();
                bouncePrimary();
            }
        }, 60_000, 60_000);
    }

    private void recoverPrimary() {
        primary.client.close();
        try {
            primary.client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void probe() {
        if (primary.status == IotHubConnectionStatus.DISCONNECTED) {
            try {
                primary.client.open(false);
            } catch (IotHubClientException e) {
                // ignored
            }
        }
    }

    private void bouncePrimary() {
        try {
            primary.client.close();
            primary.client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void failover() {
        try {
            primary.client.close();
            // expect: IotHubOpenWithoutStatusGuard
            backup.client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void rebuildPrimary(String cs) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            primary.client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            primary.client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void rebuildBackupSafely(String cs) {
        try {
            if (backup.client != null) {
                backup.client.close();
            }
            backup.client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            backup.client.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }
}
