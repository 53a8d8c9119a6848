package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** 2.x reconnection sample architecture: the callback only records and wakes a manager thread. No findings. */
public class V2ReconnectionSample implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient deviceClient;
    private final Object reconnectionLock = new Object();
    private volatile boolean shouldReconnect;

    public V2ReconnectionSample(String cs) {
        deviceClient = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        deviceClient.setConnectionStatusChangeCallback(this, null);
    }

    public static void main(String[] args) throws Exception {
        var sample = new V2ReconnectionSample(args[0]);
        sample.run();
    }

    private void run() throws InterruptedException {
        reconnect();
        new Thread(this::telemetryLoop, "telemetry").start();
        while (true) {
            synchronized (reconnectionLock) {
                while (!shouldReconnect) {
                    reconnectionLock.wait();
                }
                shouldReconnect = false;
            }
            reconnect();
        }
    }

    private void reconnect() throws InterruptedException {
        while (true) {
            try {
                deviceClient.close();
                deviceClient.open(false);
                return;
            } catch (IotHubClientException e) {
                if (!e.isRetryable()) {
                    throw new IllegalStateException(e);
                }
                Thread.sleep(1000);
            }
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus status = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            synchronized (reconnectionLock) {
                shouldReconnect = true;
                reconnectionLock.notify();
            }
        }
    }

    private void telemetryLoop() {
        while (true) {
            try {
                deviceClient.sendEvent(new Message("{}"));
                Thread.sleep(5000);
            } catch (IotHubClientException e) {
                System.err.println("send failed; the manager thread reconnects: " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
