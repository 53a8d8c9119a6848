package com.example.statusguard.hvac;

import com.example.statusguard.monitor.LinkMonitor;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Rooftop HVAC unit controller for a building-management system. */
public class HvacController implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final LinkMonitor monitor = new LinkMonitor();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private volatile boolean disconnected;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public HvacController(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
    }

    public void start() throws IOException {
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback((message, context) -> onCommand(message), null);
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        status = newStatus;
        disconnected = newStatus == IotHubConnectionStatus.DISCONNECTED;
        if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
            try {
                // expect: IotHubReconnectOnCallbackThread
                client.closeNow();
            } catch (IOException e) {
                System.err.println("close failed: " + e);
            }
            return;
        }
        if (isApplicationClose(reason)) {
            return;
        }
        if (newStatus != IotHubConnectionStatus.DISCONNECTED) {
            return;
        }
        executor.execute(new Reconnector());
    }

    private static boolean isApplicationClose(IotHubConnectionStatusChangeReason reason) {
        return reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE;
    }

    /** Named Runnable used for every reconnect. */
    private final class Reconnector implements Runnable {
        @Override
        public void run() {
            closeQuietly(client);
            try {
                client.open();
            } catch (IOException e) {
                System.err.println("reconnect failed: " + e);
            }
        }
    }

    /** Another named Runnable, used by the "refresh" command. */
    private final class Refresher implements Runnable {
        @Override
        public void run() {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                System.err.println("refresh failed: " + e);
            }
        }
    }

    private static void closeQuietly(DeviceClient c) {
        try {
            c.closeNow();
        } catch (IOException ignored) {
            // best effort
        }
    }

    private IotHubMessageResult onCommand(Message message) {
        String cmd = new String(message.getBytes());
        try {
            switch (cmd) {
                case "refresh":
                    executor.execute(new Refresher());
                    break;
                case "cycle":
                    closeQuietly(client);
                    client.open();
                    break;
                case "a":
                    if (monitor.getStatus() == IotHubConnectionStatus.DISCONNECTED) {
                        client.open();
                    }
                    break;
                case "b":
                    if (!monitor.isConnected()) {
                        // not reported: contract v2: LinkMonitor.isConnected() returns state its status callback tracks, a guard across classes
                        client.open();
                    }
                    break;
                case "c":
                    boolean down = status == IotHubConnectionStatus.DISCONNECTED;
                    if (down) {
                        client.open();
                    }
                    break;
                case "d":
                    if (disconnected) {
                        client.open();
                    }
                    break;
                case "e":
                    if (status == IotHubConnectionStatus.CONNECTED
                            || status == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                        break;
                    }
                    client.open();
                    break;
                case "f":
                    if (status == IotHubConnectionStatus.CONNECTED) {
                        break;
                    }
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open();
                    break;
                case "g":
                    switch (status) {
                        case CONNECTED:
                            break;
                        default:
                            // expect: IotHubOpenWithoutStatusGuard
                            client.open();
                    }
                    break;
                case "h":
                    if (status == IotHubConnectionStatus.DISCONNECTED) {
                        openShared();
                    }
                    break;
                case "i":
                    openShared();
                    break;
                default:
                    return IotHubMessageResult.REJECT;
            }
        } catch (IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void openShared() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    public void stop() throws IOException {
        executor.shutdownNow();
        client.closeNow();
    }
}
