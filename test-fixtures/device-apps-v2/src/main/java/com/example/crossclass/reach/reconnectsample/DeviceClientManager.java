package com.example.crossclass.reach.reconnectsample;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * The 2.x reconnection sample's architecture: the callback only records the status and wakes the manager
 * thread on DISCONNECTED (reason other than CLIENT_CLOSE); the manager thread loops close() then open(false).
 */
public class DeviceClientManager implements IotHubConnectionStatusChangeCallback, Runnable {
    private static final long SLEEP_BEFORE_RECONNECT_MS = 10_000;

    private final Object reconnectionLock = new Object();
    private final DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public DeviceClientManager(String connectionString, IotHubClientProtocol protocol) {
        client = new DeviceClient(connectionString, protocol);
        client.setConnectionStatusChangeCallback(this, null);
    }

    public DeviceClient getClient() {
        return client;
    }

    public IotHubConnectionStatus getLastStatus() {
        return lastStatus;
    }

    @Override
    public void run() {
        doConnect();
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (reconnectionLock) {
                try {
                    reconnectionLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            doConnect();
        }
    }

    private void doConnect() {
        while (true) {
            // quiet: the manager thread, not the callback thread; "Never report ... the current (2.x) reconnection sample's architecture"
            client.close();
            try {
                // quiet: check 2 - closed before the open() in the same iteration; check 1 - exemption (a) on a path rooted at the manager Thread (no path from the status callback reaches it)
                client.open(false);
                return;
            } catch (IotHubClientException e) {
                System.err.println("open failed: " + e.getMessage() + "; retrying");
                try {
                    Thread.sleep(SLEEP_BEFORE_RECONNECT_MS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        IotHubConnectionStatus newStatus = context.getNewStatus();
        IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
        lastStatus = newStatus;
        System.out.println("status " + context.getPreviousStatus() + " -> " + newStatus + " (" + reason + ")");
        // quiet: check 5 - CLIENT_CLOSE exclusion present, and the branch only notifies a lock (no reconnect call or hand-off)
        if (newStatus == IotHubConnectionStatus.DISCONNECTED
                && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectionLock) {
                reconnectionLock.notifyAll();
            }
        }
    }

    public void shutdown() {
        // quiet: called from Main; not callback code
        client.close();
    }
}
