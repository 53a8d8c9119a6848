package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A second own equivalent of the current (2.x) sample's architecture, on the 1.x API and closer to its full shape:
 * the manager object is also the message, send-confirmation and method callback; run() registers a status-callback
 * lambda that only records the status and notifies a lock; the manager thread loops "open with retry (close, then
 * open(false))", starts a worker, and waits. No finding anywhere.
 */
public class SampleCurrentManager implements MessageCallback, IotHubEventCallback, DeviceMethodCallback {
    private final DeviceClient deviceClient;
    private final Object reconnectionLock = new Object();
    private final Queue<Message> toResend = new ConcurrentLinkedQueue<>();
    private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;

    public SampleCurrentManager(String connectionString) throws URISyntaxException {
        deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void run() {
        try {
            deviceClient.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
                connectionStatus = status;
                if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                    System.err.println("credentials rejected; exiting");
                    System.exit(1);
                }
                if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    synchronized (reconnectionLock) {
                        reconnectionLock.notify();
                    }
                }
            }, null);

            while (true) {
                if (!openWithRetry()) {
                    return;
                }
                new Thread(() -> {
                    try {
                        doWork();
                    } catch (IllegalStateException e) {
                        System.out.println("client closed while working; worker ends");
                    }
                }, "worker").start();
                synchronized (reconnectionLock) {
                    reconnectionLock.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                deviceClient.closeNow();
            } catch (IOException e) {
                System.err.println("close failed: " + e);
            }
        }
    }

    private boolean openWithRetry() throws InterruptedException {
        while (true) {
            try {
                deviceClient.closeNow();
                deviceClient.open(false);
                deviceClient.setMessageCallback(this, null);
                deviceClient.subscribeToDeviceMethod(this, null, this, null);
                return true;
            } catch (IOException e) {
                System.err.println("open failed, retrying: " + e);
            }
            Thread.sleep(1000);
        }
    }

    private void doWork() {
        while (true) {
            Message next = toResend.isEmpty() ? new Message("telemetry") : toResend.remove();
            try {
                deviceClient.sendEventAsync(next, this, next);
            } catch (IllegalStateException e) {
                toResend.add(next);
                throw e;
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void execute(IotHubStatusCode status, Object context) {
        if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY && context instanceof Message) {
            toResend.add((Message) context);
        }
    }

    @Override
    public IotHubMessageResult execute(Message message, Object context) {
        return IotHubMessageResult.COMPLETE;
    }

    @Override
    public DeviceMethodData call(String methodName, Object methodData, Object context) {
        return new DeviceMethodData(200, "ok");
    }
}
