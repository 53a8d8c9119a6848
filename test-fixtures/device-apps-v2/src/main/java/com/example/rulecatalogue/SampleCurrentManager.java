package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.MessageSentCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DesiredPropertiesCallback;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.GetTwinCallback;
import com.microsoft.azure.sdk.iot.device.twin.MethodCallback;
import com.microsoft.azure.sdk.iot.device.twin.Twin;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A second own equivalent of the current (2.x) sample, closer to its full shape: the manager object is also the
 * message, send-confirmation, method, twin callback; run() registers a status-callback lambda that only records the
 * status and notifies a lock; the manager thread loops "open with retry (close, then open(false))", starts a worker,
 * and waits. No finding anywhere.
 */
public class SampleCurrentManager implements MessageCallback, MessageSentCallback, MethodCallback, DesiredPropertiesCallback, GetTwinCallback {
    private final DeviceClient deviceClient;
    private final Object reconnectionLock = new Object();
    private final Queue<Message> toResend = new ConcurrentLinkedQueue<>();
    private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean refreshingTwin;

    public SampleCurrentManager(String connectionString) {
        deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void run() {
        try {
            deviceClient.setConnectionStatusChangeCallback(ctx -> {
                IotHubConnectionStatus newStatus = ctx.getNewStatus();
                IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
                connectionStatus = newStatus;
                if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                    System.err.println("credentials rejected; exiting");
                    System.exit(1);
                }
                if (newStatus == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    synchronized (reconnectionLock) {
                        reconnectionLock.notify();
                    }
                }
                if (ctx.getPreviousStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING && newStatus == IotHubConnectionStatus.CONNECTED) {
                    refreshingTwin = true;
                    deviceClient.getTwinAsync(this, null);
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
            deviceClient.close();
        }
    }

    private boolean openWithRetry() throws InterruptedException {
        while (true) {
            try {
                deviceClient.close();
                deviceClient.open(false);
                deviceClient.setMessageCallback(this, null);
                deviceClient.subscribeToMethods(this, null);
                deviceClient.subscribeToDesiredProperties(this, null);
                return true;
            } catch (IotHubClientException e) {
                if (e.getStatusCode() == IotHubStatusCode.UNAUTHORIZED || !e.isRetryable()) {
                    return false;
                }
            }
            Thread.sleep(1000);
        }
    }

    private void doWork() {
        while (true) {
            Message next = toResend.isEmpty() ? new Message("telemetry") : toResend.remove();
            try {
                deviceClient.sendEventAsync(next, this, null);
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
    public void onMessageSent(Message sentMessage, IotHubClientException e, Object context) {
        if (e != null && e.isRetryable()) {
            toResend.add(sentMessage);
        }
    }

    @Override
    public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
        return IotHubMessageResult.COMPLETE;
    }

    @Override
    public DirectMethodResponse onMethodInvoked(String methodName, DirectMethodPayload payload, Object context) {
        return new DirectMethodResponse(200, null);
    }

    @Override
    public void onDesiredPropertiesUpdated(Twin twin, Object context) {
        System.out.println("desired: " + twin.getDesiredProperties());
    }

    @Override
    public void onTwinReceived(Twin twin, IotHubClientException e, Object context) {
        refreshingTwin = false;
    }
}
