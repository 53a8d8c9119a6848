package com.example.statusguard.elevator;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Elevator condition monitor: the class is both the C2D handler and the status callback. */
public class ElevatorMonitor implements MessageCallback, IotHubConnectionStatusChangeCallback {
    enum Link { UP, RECOVERING, DOWN }

    private final DeviceClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Timer timer = new Timer(true);
    private volatile boolean online;
    private volatile Link link = Link.DOWN;

    public ElevatorMonitor(String cs) throws URISyntaxException, IOException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(this, null);
        client.open();
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (!online) {
                    reopen();
                }
                if (link == Link.DOWN) {
                    reopen();
                }
            }
        }, 60_000, 60_000);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (link != Link.UP) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open();
                    } catch (IOException e) {
                        System.err.println("maintenance reopen failed: " + e);
                    }
                }
            }
        }, 3_600_000L, 3_600_000L);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        setOnline(status == IotHubConnectionStatus.CONNECTED);
        link = toLink(status);
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            handleDisconnect(reason);
        }
    }

    private static Link toLink(IotHubConnectionStatus status) {
        switch (status) {
            case CONNECTED:
                return Link.UP;
            case DISCONNECTED_RETRYING:
                return Link.RECOVERING;
            default:
                return Link.DOWN;
        }
    }

    private void setOnline(boolean value) {
        online = value;
    }

    private void handleDisconnect(IotHubConnectionStatusChangeReason reason) {
        if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            return;
        }
        executor.execute(() -> {
            try {
                client.closeNow();
                client.open();
            } catch (IOException e) {
                System.err.println("reconnect failed: " + e);
            }
        });
    }

    private void reopen() {
        try {
            client.open();
        } catch (IOException e) {
            System.err.println("reopen failed: " + e);
        }
    }

    @Override
    public IotHubMessageResult execute(Message message, Object callbackContext) {
        String cmd = new String(message.getBytes());
        if ("ping".equals(cmd)) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                return IotHubMessageResult.ABANDON;
            }
        }
        return IotHubMessageResult.COMPLETE;
    }

    public void shutdown() throws IOException {
        timer.cancel();
        executor.shutdownNow();
        client.closeNow();
    }
}
