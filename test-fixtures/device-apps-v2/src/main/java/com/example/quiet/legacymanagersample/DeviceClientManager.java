package com.example.quiet.legacymanagersample;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Shaped like the current 2.x reconnection sample: callback records, manager loop closes then opens. */
public class DeviceClientManager {
    private final DeviceClient deviceClient;
    private final Object reconnectLock = new Object();
    private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean reconnectNeeded;

    public DeviceClientManager(DeviceClient deviceClient) {
        this.deviceClient = deviceClient;
    }

    public void run() throws InterruptedException {
        deviceClient.setConnectionStatusChangeCallback(ctx -> {
            IotHubConnectionStatus newStatus = ctx.getNewStatus();
            IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
            connectionStatus = newStatus;
            if (newStatus == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                synchronized (reconnectLock) {
                    reconnectNeeded = true;
                    reconnectLock.notifyAll();
                }
            }
        }, null);

        try {
            while (true) {
                if (!openWithRetry()) {
                    return;
                }
                doWork();
            }
        } finally {
            deviceClient.close();
        }
    }

    private boolean openWithRetry() throws InterruptedException {
        while (true) {
            try {
                deviceClient.close();
                deviceClient.open(false);
                reconnectNeeded = false;
                return true;
            } catch (IotHubClientException e) {
                if (!e.isRetryable()) {
                    return false;
                }
            }
            Thread.sleep(1000);
        }
    }

    private void doWork() throws InterruptedException {
        while (!reconnectNeeded) {
            try {
                deviceClient.sendEventAsync(new Message("hello"), (m, e, c) -> { }, null);
            } catch (IllegalStateException e) {
                return;
            }
            synchronized (reconnectLock) {
                reconnectLock.wait(10_000);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        DeviceClient client = new DeviceClient(args[0], IotHubClientProtocol.AMQPS);
        new DeviceClientManager(client).run();
    }
}
