package com.example.apps.connectionmanager;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connection manager used by several of our 1.x products: tracks its own connection state, reconnects on a
 * fresh thread when the SDK reports a terminal disconnect, and keeps a telemetry loop on the main thread.
 */
public class DeviceConnectionManager implements IotHubConnectionStatusChangeCallback {
    private static final Logger LOG = Logger.getLogger(DeviceConnectionManager.class.getName());
    private static final long SLEEP_BETWEEN_ATTEMPTS_MS = 10_000;

    enum ConnectionState { DISCONNECTED, CONNECTING, CONNECTED }

    private final Object stateLock = new Object();
    private final DeviceClient client;
    private ConnectionState state = ConnectionState.DISCONNECTED; // guarded by stateLock
    private volatile boolean running = true;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();

    public DeviceConnectionManager(String connectionString, IotHubClientProtocol protocol) throws URISyntaxException {
        client = new DeviceClient(connectionString, protocol);
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback(this::onCommand, null);
    }

    private ConnectionState currentState() {
        synchronized (stateLock) {
            return state;
        }
    }

    /** Connects unless a connect is already in progress or done. */
    public void connect() {
        synchronized (stateLock) {
            if (state != ConnectionState.DISCONNECTED) {
                LOG.fine("connect() ignored, state is " + state);
                return;
            }
            state = ConnectionState.CONNECTING;
        }
        doConnect();
    }

    private void doConnect() {
        // make sure nothing from the previous session is left over
        try {
            client.closeNow();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closeNow before connect failed", e);
        }
        while (running) {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                synchronized (stateLock) {
                    state = ConnectionState.CONNECTED;
                }
                LOG.info("connected");
                break;
            } catch (IOException e) {
                LOG.warning("connect failed: " + e.getMessage() + "; retrying in " + SLEEP_BETWEEN_ATTEMPTS_MS + " ms");
                try {
                    Thread.sleep(SLEEP_BETWEEN_ATTEMPTS_MS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable throwable, Object callbackContext) {
        LOG.info("status " + status + ", reason " + reason + (throwable == null ? "" : ", " + throwable));
        synchronized (stateLock) {
            if (status == IotHubConnectionStatus.CONNECTED) {
                state = ConnectionState.CONNECTED;
            } else if (status == IotHubConnectionStatus.DISCONNECTED) {
                state = ConnectionState.DISCONNECTED;
            }
        }
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            reconnects.incrementAndGet();
            new Thread(this::connect, "reconnect-" + reconnects.get()).start();
        }
    }

    private IotHubMessageResult onCommand(Message message, Object context) {
        String command = new String(message.getBytes(), Message.DEFAULT_IOTHUB_MESSAGE_CHARSET);
        LOG.info("command: " + command);
        if ("stop".equals(command)) {
            running = false;
        }
        return IotHubMessageResult.COMPLETE;
    }

    /** Main-thread loop: send while connected, kick a connect when we know the link is gone. */
    public void runTelemetryLoop() throws InterruptedException {
        while (running) {
            ConnectionState s = currentState();
            if (s == ConnectionState.CONNECTED) {
                Message m = new Message("{\"seq\":" + sent.incrementAndGet() + ",\"uptimeMs\":" + System.nanoTime() / 1_000_000 + "}");
                client.sendEventAsync(m, (code, ctx) -> {
                    if (code != IotHubStatusCode.OK && code != IotHubStatusCode.OK_EMPTY) {
                        LOG.fine("seq not acknowledged: " + code);
                    }
                }, null);
            } else if (s == ConnectionState.DISCONNECTED) {
                connect();
            }
            Thread.sleep(5_000);
        }
    }

    public void shutdown() {
        running = false;
        try {
            client.closeNow();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closeNow failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        DeviceConnectionManager manager = new DeviceConnectionManager(args[0], IotHubClientProtocol.AMQPS);
        Runtime.getRuntime().addShutdownHook(new Thread(manager::shutdown));
        manager.connect();
        manager.runTelemetryLoop();
        manager.shutdown();
    }
}
