package com.example.apps.smartmeter;

import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DesiredPropertiesCallback;
import com.microsoft.azure.sdk.iot.device.twin.MethodCallback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the gateway's single IoT Hub identity. Everything that needs the hub goes through here.
 */
public final class ConnectionManager implements IotHubConnectionStatusChangeCallback, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConnectionManager.class.getName());

    public enum LinkState { CLOSED, CONNECTING, CONNECTED, RETRYING, DISCONNECTED }

    private final MeterConfig config;
    private final ExecutorService reconnectExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "meter-reconnect");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<LinkState>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile DeviceClient client;
    private volatile LinkState state = LinkState.CLOSED;
    private volatile boolean shutdown;
    private MethodCallback methodHandler;
    private DesiredPropertiesCallback desiredHandler;

    public ConnectionManager(MeterConfig config) {
        this.config = config;
    }

    public void addListener(Consumer<LinkState> listener) {
        listeners.add(listener);
    }

    public void setCloudHandlers(MethodCallback methods, DesiredPropertiesCallback desired) {
        this.methodHandler = methods;
        this.desiredHandler = desired;
    }

    public LinkState state() {
        return state;
    }

    public boolean isOnline() {
        return state == LinkState.CONNECTED;
    }

    public DeviceClient currentClient() {
        return client;
    }

    private DeviceClient newClient() {
        ClientOptions options = ClientOptions.builder()
                .keepAliveInterval(config.keepAliveSeconds())
                .modelId("dtmi:contoso:SmartMeter;2")
                .build();
        DeviceClient c = new DeviceClient(config.connectionString(), IotHubClientProtocol.MQTT, options);
        c.setConnectionStatusChangeCallback(this, null);
        return c;
    }

    /** Initial connection, called once by the gateway at boot. */
    public void start() throws InterruptedException {
        client = newClient();
        state = LinkState.CONNECTING;
        for (int attempt = 1; ; attempt++) {
            try {
                client.open(false);
                subscribe(client);
                state = LinkState.CONNECTED;
                return;
            } catch (IotHubClientException e) {
                client.close();
                if (!e.isRetryable() || attempt >= config.maxConnectAttempts()) {
                    state = LinkState.DISCONNECTED;
                    throw new IllegalStateException("cannot reach IoT Hub after " + attempt + " attempts", e);
                }
                LOG.warning("connect attempt " + attempt + " failed: " + e.getStatusCode());
                TimeUnit.SECONDS.sleep(Math.min(60, 1L << attempt));
            }
        }
    }

    private void subscribe(DeviceClient c) throws IotHubClientException, InterruptedException {
        if (methodHandler != null) {
            c.subscribeToMethods(methodHandler, null);
        }
        if (desiredHandler != null) {
            c.subscribeToDesiredProperties(desiredHandler, null);
        }
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        IotHubConnectionStatus status = ctx.getNewStatus();
        IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
        switch (status) {
            case CONNECTED:
                state = LinkState.CONNECTED;
                break;
            case DISCONNECTED_RETRYING:
                state = LinkState.RETRYING;
                break;
            case DISCONNECTED:
                state = LinkState.DISCONNECTED;
                if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE || shutdown) {
                    break;
                }
                LOG.warning("hub link lost (" + reason + "), rebuilding the client");
                reconnectExecutor.execute(this::recreateClient);
                break;
            default:
                break;
        }
        LinkState snapshot = state;
        listeners.forEach(l -> l.accept(snapshot));
    }

    /**
     * Runs on the reconnect executor after a terminal disconnect: throw the dead client away and build a
     * fresh one (a fresh client also gets a fresh SAS token).
     */
    private void recreateClient() {
        if (client != null) {
            client.close();
        }
        int attempt = 0;
        state = LinkState.CONNECTING;
        while (!shutdown) {
            try {
                client = newClient();
                generation.incrementAndGet();
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                subscribe(client);
                LOG.info("hub link rebuilt, generation " + generation.get());
                return;
            } catch (IotHubClientException e) {
                attempt++;
                LOG.log(Level.WARNING, "rebuild attempt " + attempt + " failed", e);
                sleepQuietly(Math.min(120_000L, 2_000L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Operator asked for a reconnect (direct method on the gateway). */
    public void forceReconnect() throws IotHubClientException {
        LOG.info("operator requested a reconnect");
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
    }

    public void send(Message message) throws IotHubClientException, InterruptedException {
        DeviceClient c = client;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        c.sendEvent(message);
    }

    public void sendBatch(List<Message> batch) throws IotHubClientException, InterruptedException {
        client.sendEvents(batch);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown = true;
        reconnectExecutor.shutdownNow();
        DeviceClient c = client;
        if (c != null) {
            c.close();
        }
        state = LinkState.CLOSED;
    }
}
