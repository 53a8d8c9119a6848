package com.example.statusguard.inherited;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Guard inheritance: which methods are guarded depends on every re-entry call, not on start-up calls. */
public class Relay {
    private final DeviceClient client;
    private final DeviceClient backupClient;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    Relay() {
        client = new DeviceClient(System.getenv("RELAY_CS"), IotHubClientProtocol.AMQPS);
        backupClient = new DeviceClient(System.getenv("RELAY_BACKUP_CS"), IotHubClientProtocol.AMQPS);
    }

    void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                worker.execute(this::restart);
                worker.execute(this::resume);
            }
        }, null);
        backupClient.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() != IotHubConnectionStatus.CONNECTED) {
                worker.execute(this::restartBackup);
            }
        }, null);
        // quiet: start-up code
        client.open(false);
        // quiet: start-up code
        backupClient.open(false);
        client.setMessageCallback((message, context) -> {
            if ("restart".equals(new String(message.getBytes(), StandardCharsets.UTF_8))) {
                worker.execute(this::restart);
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    /** Handed off from the guarded callback AND from the unguarded message callback. */
    private void restart() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.out.println("restart failed: " + e.getMessage());
        }
    }

    /** Handed off from the guarded callback; also called from main (start-up), which does not count. */
    void resume() {
        try {
            // quiet: "A method every call or hand-off of which from a re-entry site is dominated by a guard is itself guarded; calls from start-up code do not count"
            client.open(false);
        } catch (IotHubClientException e) {
            System.out.println("resume failed: " + e.getMessage());
        }
    }

    /** Closes first, but the path starts in a status callback that admits DISCONNECTED_RETRYING. */
    private void restartBackup() {
        backupClient.close();
        try {
            // expect: IotHubOpenWithoutStatusGuard
            backupClient.open(false);
        } catch (IotHubClientException e) {
            System.out.println("backup restart failed: " + e.getMessage());
        }
    }

    void pause() {
        client.close();
    }

    public static void main(String[] args) throws Exception {
        Relay relay = new Relay();
        relay.start();
        Thread.sleep(3_600_000);
        relay.pause();
        relay.resume();
        Thread.sleep(Long.MAX_VALUE);
    }
}
