package com.example.handoff.storedtask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A cooling tower agent whose callbacks leave work in fields: the status callback parks a recovery for a poller
 * thread, and a command runs whatever start-up task the fan's callback parked.
 */
public class CoolingTowerAgent {
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final DeviceClient tower;
    private final DeviceClient fan;
    private volatile Runnable pendingRecovery;
    private volatile Runnable pendingFanStart;

    public CoolingTowerAgent(String towerConnection, String fanConnection) throws URISyntaxException {
        tower = new DeviceClient(towerConnection, IotHubClientProtocol.MQTT);
        fan = new DeviceClient(fanConnection, IotHubClientProtocol.MQTT);
        tower.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            // quiet: the guarded statement only parks the task; nothing here calls or hands off a reconnect
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                pendingRecovery = this::recover;
            }
        }, null);
        fan.registerConnectionStatusChangeCallback(
                (status, reason, cause, context) -> pendingFanStart = this::startFan, null);
        fan.setMessageCallback((message, context) -> {
            Runnable next = pendingFanStart;
            if (next != null) {
                next.run();
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    public void start() throws IOException {
        // quiet: start-up code, before the poller starts
        tower.open();
        poller.scheduleWithFixedDelay(() -> {
            Runnable task = pendingRecovery;
            if (task != null) {
                pendingRecovery = null;
                task.run();
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    private void recover() {
        try {
            // quiet: runs on the poller thread; the status callback only stored the task
            tower.closeNow();
            // quiet: runs on the poller thread, right after its own close
            tower.open();
        } catch (IOException e) {
            System.err.println("tower recovery failed: " + e.getMessage());
        }
    }

    private void startFan() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            fan.open();
        } catch (IOException e) {
            System.err.println("fan start failed: " + e.getMessage());
        }
    }
}
