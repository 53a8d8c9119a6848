package com.example.android.fleettracker;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageSentCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Android service of a delivery-van tracker, with Android types swapped for plain Java. GPS fixes
 * are sent every 15 seconds.
 */
public class FleetTrackerService {
    private DeviceClient client;
    private final Timer gpsTimer = new Timer("gps", true);
    private final Executor handler = Executors.newSingleThreadExecutor();
    private volatile boolean isConnected;
    private volatile boolean appInForeground;
    private double lat;
    private double lon;

    public void onStartCommand(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
        client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext context) {
                isConnected = context.getNewStatus() == IotHubConnectionStatus.CONNECTED;
                if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    handler.execute(() -> notifyUser("Tracker offline: " + context.getNewStatusReason()));
                }
                if (context.getPreviousStatus() == IotHubConnectionStatus.DISCONNECTED) {
                    // came back after a full disconnect: reopen so the C2D subscription is re-established
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        notifyUser("resubscribe failed");
                    }
                }
            }
        }, null);
        try {
            client.open(true);
        } catch (IotHubClientException e) {
            notifyUser("could not connect: " + e.getMessage());
        }

        gpsTimer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                if (!isConnected) {
                    try {
                        client.open(false);
                    } catch (IotHubClientException e) {
                        return;
                    }
                }
                sendFix();
            }
        }, 15_000, 15_000);
    }

    /** Called when the activity comes back to the foreground. */
    public void onResume() {
        appInForeground = true;
        handler.execute(new Runnable() {
            @Override
            public void run() {
                if (appInForeground) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        notifyUser("reconnect failed");
                    }
                }
            }
        });
    }

    /** Called when the driver taps "go online". */
    public void onGoOnline() {
        handler.execute(this::waitOnline);
    }

    private void waitOnline() {
        while (!isConnected) {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                client.close();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @SuppressWarnings("IotHubOpenWithoutStatusGuard")
    public void onForceSync() {
        handler.execute(() -> {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                notifyUser("force sync failed");
            }
        });
    }

    private void sendFix() {
        Message m = new Message(String.format("{\"lat\":%.5f,\"lon\":%.5f}", lat, lon));
        client.sendEventAsync(m, new MessageSentCallback() {
            @Override
            public void onMessageSent(Message sentMessage, IotHubClientException exception, Object callbackContext) {
                if (exception != null && !exception.isRetryable()) {
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                    } catch (IotHubClientException e) {
                        notifyUser("gave up on fix " + sentMessage.getMessageId());
                    }
                }
            }
        }, null);
    }

    public void onLocationChanged(double latitude, double longitude) {
        lat = latitude;
        lon = longitude;
    }

    public void onDestroy() {
        gpsTimer.cancel();
        client.close();
    }

    private void notifyUser(String text) {
        System.out.println("NOTIFICATION: " + text);
    }
}
