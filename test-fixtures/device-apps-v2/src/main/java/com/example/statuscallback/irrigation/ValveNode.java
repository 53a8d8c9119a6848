package com.example.statuscallback.irrigation;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Field valve node of an irrigation system (LTE-M modem). */
public class ValveNode {
    private final DeviceClient client;
    private final Timer timer = new Timer(true);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public ValveNode(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(new ValveLinkHandler(this), null);
        client.setMessageCallback(this::onC2d, null);
        connect();
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                if (status == IotHubConnectionStatus.DISCONNECTED) {
                    connect();
                }
            }
        }, 60_000, 60_000);
        scheduler.schedule(this::lateRefresh, 6, TimeUnit.HOURS);
    }

    DeviceClient getClient() {
        return client;
    }

    void setStatus(IotHubConnectionStatus newStatus) {
        status = newStatus;
    }

    /** Initial connect (constructor) and guarded reconnect (timer) share this method. */
    private void connect() {
        try {
            // not reported: contract v2: the constructor's call is start-up code; the timer calls it under a guard
            client.open(true);
        } catch (IotHubClientException e) {
            System.err.println("connect failed: " + e.getStatusCode());
        }
    }

    /** Also the target of an unguarded scheduled refresh. */
    private void lateRefresh() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("refresh failed: " + e.getStatusCode());
        }
    }

    /** Called synchronously by ValveLinkHandler's status callback: contract v2 follows it across classes. */
    public void restartConnection() {
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("restart failed: " + e.getStatusCode());
        }
    }

    private IotHubMessageResult onC2d(Message message, Object context) {
        String cmd = new String(message.getBytes());
        if ("refresh".equals(cmd) && status == IotHubConnectionStatus.DISCONNECTED) {
            lateRefresh();
            return IotHubMessageResult.COMPLETE;
        }
        if ("heal".equals(cmd) && status == IotHubConnectionStatus.DISCONNECTED) {
            healStepOne();
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void healStepOne() {
        System.out.println("healing link");
        healStepTwo();
    }

    private void healStepTwo() {
        try {
            client.open(false);
        } catch (IotHubClientException e) {
            System.err.println("heal failed: " + e.getStatusCode());
        }
    }

    public void shutdown() {
        timer.cancel();
        scheduler.shutdownNow();
        client.close();
    }
}
