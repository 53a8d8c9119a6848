package com.example.statuscallback.strategies;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The connection-status handling of a device agent; the strategy is chosen by the "reconnect.mode"
 * property. Collected from several iterations of the same product.
 */
public class ReconnectStrategies {
    private final String connectionString;
    private DeviceClient client;
    private final Timer timer = new Timer(true);
    private volatile IotHubConnectionStatus lastStatus;

    public ReconnectStrategies(String connectionString) throws URISyntaxException {
        this.connectionString = connectionString;
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void attach(String mode) throws IOException {
        switch (mode) {
            case "local" -> attachLocal();
            case "blind" -> client.registerConnectionStatusChangeCallback(new BlindReopen(client), null);
            case "switch" -> attachSwitch();
            case "arrow" -> attachArrow();
            case "method" -> client.registerConnectionStatusChangeCallback(this::statusChanged, null);
            default -> attachRecreate();
        }
        client.open();
    }

    private void attachLocal() {
        class Reconnector implements IotHubConnectionStatusChangeCallback {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                                Throwable throwable, Object context) {
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    return;
                }
                if (status.equals(IotHubConnectionStatus.DISCONNECTED)) {
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.open();
                    } catch (IOException e) {
                        System.err.println("reopen failed: " + e);
                    }
                }
            }
        }
        client.registerConnectionStatusChangeCallback(new Reconnector(), null);
    }

    /** Named nested class, reused by other agents. */
    static final class BlindReopen implements IotHubConnectionStatusChangeCallback {
        private final DeviceClient target;

        BlindReopen(DeviceClient target) {
            this.target = target;
        }

        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                            Throwable throwable, Object context) {
            // expect: IotHubReopenAfterClientClose
            if (status != IotHubConnectionStatus.CONNECTED) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    target.open();
                } catch (IOException e) {
                    System.err.println("reopen failed: " + e);
                }
            }
        }
    }

    private void attachSwitch() {
        client.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
            switch (status) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    try {
                        // expect: IotHubReconnectOnCallbackThread
                        client.closeNow();
                        // expect: IotHubReconnectOnCallbackThread
                        client.open();
                    } catch (IOException e) {
                        System.err.println("cycle failed: " + e);
                    }
                    break;
                case DISCONNECTED_RETRYING:
                    System.out.println("retrying: " + reason);
                    break;
                default:
                    break;
            }
        }, null);
    }

    private void attachArrow() {
        client.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
            switch (status) {
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED_RETRYING, DISCONNECTED -> reconnectNow();
                case CONNECTED -> System.out.println("connected");
            }
        }, null);
    }

    private void reconnectNow() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e);
        }
    }

    private void statusChanged(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                               Throwable throwable, Object context) {
        lastStatus = status;
        // expect: IotHubReopenAfterClientClose
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            if (reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                System.err.println("unexpected disconnect: " + reason);
            }
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    client.closeNow();
                    client.open();
                } catch (IOException e) {
                    System.err.println("scheduled reconnect failed: " + e);
                }
            }
        }, 5000);
    }

    private void attachRecreate() {
        client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                                Throwable throwable, Object context) {
                // expect: IotHubReopenAfterClientClose
                if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
                    try {
                        // expect: IotHubClientReplacedWithoutClose
                        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
                        client.registerConnectionStatusChangeCallback(this, null);
                        // expect: IotHubReconnectOnCallbackThread
                        client.open();
                    } catch (URISyntaxException | IOException e) {
                        System.err.println("recreate failed: " + e);
                    }
                }
            }
        }, null);
    }

    public void shutdown() throws IOException {
        timer.cancel();
        client.closeNow();
    }
}
