package com.example.statuscallback.supervisor;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * The 2.x reconnection sample's architecture, with the callback being the supervisor class itself.
 * reconnect() is another method of the callback class: not callback code.
 */
public class LinkSupervisor implements IotHubConnectionStatusChangeCallback {

    private final DeviceClient client;
    private final Object lock = new Object();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean reconnectRequested;
    private volatile boolean running = true;

    public LinkSupervisor(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        lastStatus = ctx.getNewStatus();
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            // quiet: the 2.x sample's callback only records and wakes the manager thread
            synchronized (lock) {
                reconnectRequested = true;
                lock.notifyAll();
            }
        }
    }

    public void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(this, null);
        // quiet: start() is not the interface method; "Other methods of a class that implements the interface are not callback code"
        client.open(false);
        new Thread(this::manage, "link-manager").start();
    }

    private void manage() {
        while (running) {
            synchronized (lock) {
                while (!reconnectRequested) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                reconnectRequested = false;
            }
            if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
                reconnect();
            }
        }
    }

    void reconnect() {
        while (running) {
            try {
                // quiet (check 3): reconnect() runs on the manager thread, not in onStatusChanged
                client.close();
                // quiet: the current 2.x sample's architecture; guarded by tracked lastStatus, closed before every attempt
                client.open(false);
                return;
            } catch (IotHubClientException e) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void stop() {
        running = false;
        client.setConnectionStatusChangeCallback(null, null);
        client.close();
    }

    public static void main(String[] args) throws Exception {
        String cs = System.getenv("SUPERVISED_CS");
        new LinkSupervisor(cs).start();
        new TelemetryAgent(cs).start();
        new MethodRefAgent(cs).start();
    }
}
