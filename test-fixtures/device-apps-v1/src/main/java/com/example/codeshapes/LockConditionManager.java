package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Reconnect manager: the callback only records + signals; a monitor thread reconnects. */
public class LockConditionManager {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private IotHubConnectionStatus lastStatus = IotHubConnectionStatus.CONNECTED;
    private IotHubConnectionStatusChangeReason lastReason = IotHubConnectionStatusChangeReason.CONNECTION_OK;
    private final DeviceClient client;
    private volatile boolean running = true;

    public LockConditionManager(String cs) throws URISyntaxException, IOException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.registerConnectionStatusChangeCallback((status, reason, cause, ctx) -> {
            lock.lock();
            try {
                lastStatus = status;
                lastReason = reason;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }, null);
        // start-up open in a constructor
        client.open();
        new Thread(this::monitor, "reconnect-monitor").start();
    }

    /** Monitor loop: early continue on a local copy of the status field. */
    private void monitor() {
        while (running) {
            IotHubConnectionStatus s;
            IotHubConnectionStatusChangeReason r;
            lock.lock();
            try {
                changed.await();
                s = lastStatus;
                r = lastReason;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (s != IotHubConnectionStatus.DISCONNECTED) {
                continue;
            }
            if (r == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                continue;
            }
            try {
                client.open();
            } catch (IOException e) {
                System.err.println("reopen failed, waiting for next signal: " + e);
            }
        }
    }

    /** Waits on the condition until DISCONNECTED (loop condition as guard), then close + reopen. */
    private void awaitAndReconnect() {
        while (running) {
            lock.lock();
            try {
                while (lastStatus != IotHubConnectionStatus.DISCONNECTED) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                client.open();
            } catch (IOException e) {
                Util.pause(1000);
            }
        }
    }

    /** Near miss: "anything but CONNECTED" also admits DISCONNECTED_RETRYING. */
    private void monitorLoose() {
        while (running) {
            lock.lock();
            try {
                changed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (lastStatus == IotHubConnectionStatus.CONNECTED) {
                continue;
            }
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }

    public void startExtraMonitors() {
        new Thread(this::awaitAndReconnect).start();
        new Thread(this::monitorLoose).start();
    }

    public void shutdown() throws IOException {
        running = false;
        client.closeNow();
    }
}
