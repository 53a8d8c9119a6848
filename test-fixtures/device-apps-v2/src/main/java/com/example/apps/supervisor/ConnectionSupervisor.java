package com.example.apps.supervisor;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Table-driven connection supervisor shared by our 2.x products. SDK status changes become events; the
 * transition table decides what to do. Applications subscribe to state changes.
 */
public final class ConnectionSupervisor implements IotHubConnectionStatusChangeCallback {
    private static final Logger LOG = Logger.getLogger(ConnectionSupervisor.class.getName());

    public enum State { IDLE, CONNECTING, ONLINE, DEGRADED, RECOVERING, SUSPENDED, STOPPED }

    enum Event { START, LINK_UP, LINK_DEGRADED, LINK_LOST, CREDENTIALS_REJECTED, STOP }

    record Transition(State from, Event on, State to) { }

    private static final List<Transition> TABLE = List.of(
            new Transition(State.IDLE, Event.START, State.CONNECTING),
            new Transition(State.CONNECTING, Event.LINK_UP, State.ONLINE),
            new Transition(State.ONLINE, Event.LINK_DEGRADED, State.DEGRADED),
            new Transition(State.DEGRADED, Event.LINK_UP, State.ONLINE),
            new Transition(State.DEGRADED, Event.LINK_LOST, State.RECOVERING),
            new Transition(State.ONLINE, Event.LINK_LOST, State.RECOVERING),
            new Transition(State.RECOVERING, Event.LINK_UP, State.ONLINE),
            new Transition(State.RECOVERING, Event.LINK_LOST, State.RECOVERING),
            new Transition(State.ONLINE, Event.CREDENTIALS_REJECTED, State.SUSPENDED),
            new Transition(State.DEGRADED, Event.CREDENTIALS_REJECTED, State.SUSPENDED));

    private final DeviceClient client;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Consumer<State>> observers = new ArrayList<>();
    private final Map<State, Instant> enteredAt = new EnumMap<>(State.class);
    private volatile State state = State.IDLE;
    private Duration recoveryDelay = Duration.ofSeconds(5);

    public ConnectionSupervisor(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        this.client.setConnectionStatusChangeCallback(this, null);
    }

    public void observe(Consumer<State> observer) {
        observers.add(observer);
    }

    public State state() {
        return state;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        Event event = switch (ctx.getNewStatus()) {
            case CONNECTED -> Event.LINK_UP;
            case DISCONNECTED_RETRYING -> Event.LINK_DEGRADED;
            case DISCONNECTED -> ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL
                    ? Event.CREDENTIALS_REJECTED : Event.LINK_LOST;
        };
        fire(event);
    }

    private void fire(Event event) {
        lock.lock();
        try {
            for (Transition t : TABLE) {
                if (t.from() == state && t.on() == event) {
                    enter(t.to());
                    return;
                }
            }
            LOG.fine("no transition for " + event + " in " + state);
        } finally {
            lock.unlock();
        }
    }

    private void enter(State next) {
        LOG.info("supervisor " + state + " -> " + next);
        state = next;
        enteredAt.put(next, Instant.now());
        switch (next) {
            case RECOVERING:
                scheduler.schedule(this::recover, recoveryDelay.toMillis(), TimeUnit.MILLISECONDS);
                recoveryDelay = recoveryDelay.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0
                        ? Duration.ofMinutes(5) : recoveryDelay.multipliedBy(2);
                break;
            case ONLINE:
                recoveryDelay = Duration.ofSeconds(5);
                break;
            case SUSPENDED:
                LOG.severe("credentials rejected; waiting for provisioning");
                break;
            default:
                break;
        }
        State snapshot = next;
        CompletableFuture.runAsync(() -> observers.forEach(o -> o.accept(snapshot)));
    }

    private void recover() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "recovery attempt failed", e);
            fire(Event.LINK_LOST);
        }
    }

    public void start() throws IotHubClientException {
        fire(Event.START);
        client.open(true);
    }

    public void send(String json) {
        if (state != State.ONLINE) {
            throw new IllegalStateException("not online: " + state);
        }
        Message m = new Message(json);
        m.setContentType("application/json");
        client.sendEventAsync(m, (sent, e, ctx) -> {
            if (e != null) {
                LOG.fine("send failed: " + e.getStatusCode());
            }
        }, null);
    }

    public void stop() {
        lock.lock();
        try {
            state = State.STOPPED;
        } finally {
            lock.unlock();
        }
        scheduler.shutdownNow();
        this.client.close();
    }

    public Map<State, Instant> history() {
        lock.lock();
        try {
            return new EnumMap<>(enteredAt);
        } finally {
            lock.unlock();
        }
    }

    /** Manual restart used by the product's service menu. */
    public void restart() throws IotHubClientException {
        this.client.close();
        client.open(false);
    }

    public static void main(String[] args) throws Exception {
        ConnectionSupervisor supervisor = new ConnectionSupervisor(System.getenv("DEVICE_CS"));
        supervisor.observe(s -> System.out.println("state: " + s));
        supervisor.start();
        for (int i = 0; i < 1000; i++) {
            if (supervisor.state() == State.ONLINE) {
                supervisor.send("{\"i\":" + i + "}");
            }
            Thread.sleep(1000);
        }
        supervisor.stop();
    }
}
