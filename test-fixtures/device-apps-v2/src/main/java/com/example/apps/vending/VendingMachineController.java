package com.example.apps.vending;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Controller of a connected snack/drinks vending machine: vend state machine, inventory, remote price
 * updates (C2D), remote operations (direct methods) and a technician console on the serial port.
 */
public class VendingMachineController {
    private static final Logger LOG = Logger.getLogger(VendingMachineController.class.getName());

    enum VendState { IDLE, SELECTING, DISPENSING, OUT_OF_SERVICE }

    record VendingConfig(String connectionString, String machineId, Duration telemetryInterval, int slots) {
        static VendingConfig load() {
            return new VendingConfig(
                    System.getenv("VENDING_CONNECTION_STRING"),
                    System.getenv().getOrDefault("VENDING_MACHINE_ID", "vm-0001"),
                    Duration.ofMinutes(5),
                    24);
        }
    }

    private final VendingConfig config;
    private DeviceClient client;
    private volatile IotHubConnectionStatus linkStatus = IotHubConnectionStatus.DISCONNECTED;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition idle = stateLock.newCondition();
    private VendState state = VendState.IDLE; // guarded by stateLock
    private final Map<Integer, Integer> stock = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> pricesInCents = new ConcurrentHashMap<>();
    private final Map<VendState, Long> timeInState = new EnumMap<>(VendState.class);
    private final ScheduledExecutorService maintenance = Executors.newScheduledThreadPool(2);
    private long vendCount;

    public VendingMachineController(VendingConfig config) {
        this.config = config;
        this.client = new DeviceClient(config.connectionString(), IotHubClientProtocol.MQTT);
        for (int slot = 1; slot <= config.slots(); slot++) {
            stock.put(slot, 0);
            pricesInCents.put(slot, 150);
        }
    }

    /** Status handler; records the link status for the rest of the controller. */
    private final class StatusHandler implements IotHubConnectionStatusChangeCallback {
        @Override
        public void onStatusChanged(ConnectionStatusChangeContext ctx) {
            IotHubConnectionStatus status = ctx.getNewStatus();
            linkStatus = status;
            LOG.info("IoT Hub link " + ctx.getPreviousStatus() + " -> " + status + " (" + ctx.getNewStatusReason() + ")");
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                LOG.warning("Link dropped for good, scheduling reconnect in 30s");
                maintenance.schedule(VendingMachineController.this::reconnect, 30, TimeUnit.SECONDS);
            }
        }
    }

    public void start() throws IotHubClientException, InterruptedException {
        client.setConnectionStatusChangeCallback(new StatusHandler(), null);
        client.setMessageCallback(this::onCloudMessage, null);
        client.open(true);
        registerCloudHandlers();
        maintenance.scheduleAtFixedRate(this::publishTelemetry, 0, config.telemetryInterval().toSeconds(), TimeUnit.SECONDS);
    }

    private void registerCloudHandlers() throws IotHubClientException, InterruptedException {
        client.subscribeToMethods(this::onDirectMethod, null);
        client.subscribeToDesiredProperties(this::onDesiredProperties, null);
    }

    private void reconnect() {
        try {
            client.close();
            client.open(false);
            registerCloudHandlers();
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "Reconnect failed, will retry on next status change", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- vend state machine

    public boolean vend(int slot) throws InterruptedException {
        stateLock.lock();
        try {
            while (state == VendState.DISPENSING) {
                idle.await();
            }
            if (state == VendState.OUT_OF_SERVICE || stock.getOrDefault(slot, 0) == 0) {
                return false;
            }
            transition(VendState.DISPENSING);
        } finally {
            stateLock.unlock();
        }
        try {
            Thread.sleep(1200); // motor spin
            stock.computeIfPresent(slot, (s, n) -> n - 1);
            vendCount++;
            return true;
        } finally {
            stateLock.lock();
            try {
                transition(VendState.IDLE);
                idle.signalAll();
            } finally {
                stateLock.unlock();
            }
        }
    }

    private void transition(VendState next) {
        timeInState.merge(state, System.nanoTime(), Long::sum);
        LOG.fine("vend state " + state + " -> " + next);
        state = next;
    }

    // ---------------------------------------------------------------- cloud side

    private void publishTelemetry() {
        if (linkStatus != IotHubConnectionStatus.CONNECTED) {
            return;
        }
        StringBuilder json = new StringBuilder("{\"machine\":\"").append(config.machineId()).append("\",\"stock\":{");
        stock.forEach((slot, n) -> json.append('"').append(slot).append("\":").append(n).append(','));
        json.setLength(json.length() - 1);
        json.append("},\"vends\":").append(vendCount).append('}');
        Message message = new Message(json.toString().getBytes(StandardCharsets.UTF_8));
        message.setContentType("application/json");
        client.sendEventAsync(message, (sent, error, ctx) -> {
            if (error != null) {
                LOG.warning("Telemetry not delivered: " + error.getStatusCode());
            }
        }, null);
    }

    private IotHubMessageResult onCloudMessage(Message message, Object context) {
        String type = message.getProperty("type");
        if (!"priceUpdate".equals(type)) {
            return IotHubMessageResult.REJECT;
        }
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split(",")) {
            String[] kv = pair.split("=");
            if (kv.length == 2) {
                pricesInCents.put(Integer.parseInt(kv[0].trim()), Integer.parseInt(kv[1].trim()));
            }
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void onDesiredProperties(Twin twin, Object context) {
        TwinCollection desired = twin.getDesiredProperties();
        Object outOfService = desired.get("outOfService");
        stateLock.lock();
        try {
            if (Boolean.TRUE.equals(outOfService)) {
                transition(VendState.OUT_OF_SERVICE);
            } else if (state == VendState.OUT_OF_SERVICE) {
                transition(VendState.IDLE);
            }
        } finally {
            stateLock.unlock();
        }
    }

    private DirectMethodResponse onDirectMethod(String method, DirectMethodPayload payload, Object context) {
        try {
            switch (method) {
                case "restock": {
                    String spec = payload.getPayloadAsJsonString().replace("\"", "");
                    int slot = Integer.parseInt(spec.split(":")[0]);
                    int count = Integer.parseInt(spec.split(":")[1]);
                    stock.merge(slot, count, Integer::sum);
                    return new DirectMethodResponse(200, null);
                }
                case "rotateCredentials": {
                    String newConnectionString = payload.getPayload(String.class);
                    LOG.info("Rotating device credentials");
                    // expect: IotHubClientReplacedWithoutClose
                    client = new DeviceClient(newConnectionString, IotHubClientProtocol.MQTT);
                    client.setConnectionStatusChangeCallback(new StatusHandler(), null);
                    client.setMessageCallback(this::onCloudMessage, null);
                    client.open(false);
                    return new DirectMethodResponse(200, "rotated");
                }
                default:
                    return new DirectMethodResponse(404, "unknown method " + method);
            }
        } catch (IotHubClientException | RuntimeException e) {
            LOG.log(Level.WARNING, "Method " + method + " failed", e);
            return new DirectMethodResponse(500, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- technician console

    /** Runs on the main thread after start(); the technician types commands on the service port. */
    void runServiceConsole(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            try {
                switch (line.trim()) {
                    case "status":
                        System.out.println("link=" + linkStatus + " state=" + state + " vends=" + vendCount);
                        break;
                    case "connect":
                        // expect: IotHubOpenWithoutStatusGuard
                        client.open(false);
                        System.out.println("connected");
                        break;
                    case "reconnect":
                        if (linkStatus == IotHubConnectionStatus.DISCONNECTED) {
                            client.open(false);
                            System.out.println("reconnected");
                        } else {
                            System.out.println("link is " + linkStatus + ", the SDK owns it");
                        }
                        break;
                    case "quit":
                        return;
                    default:
                        System.out.println("commands: status, connect, reconnect, quit");
                }
            } catch (IotHubClientException e) {
                System.out.println("failed: " + e.getStatusCode());
            }
        }
    }

    /** Same idea on the RS-232 maintenance port used by the field-service laptop (line protocol). */
    void runMaintenancePort(BufferedReader port, java.io.PrintWriter reply) throws IOException {
        for (String cmd = port.readLine(); cmd != null; cmd = port.readLine()) {
            if (cmd.startsWith("LINK UP")) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    client.open(false);
                    reply.println("OK");
                } catch (IotHubClientException e) {
                    reply.println("ERR " + e.getStatusCode());
                }
            } else if (cmd.startsWith("LINK?")) {
                reply.println(linkStatus);
            } else if (cmd.equals("BYE")) {
                return;
            }
            reply.flush();
        }
    }

    public void stop() {
        maintenance.shutdownNow();
        client.close();
        LOG.info("Vending controller stopped after " + vendCount + " vends");
    }

    public static void main(String[] args) throws Exception {
        VendingMachineController controller = new VendingMachineController(VendingConfig.load());
        controller.start();
        try (BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            controller.runServiceConsole(console);
        } finally {
            controller.stop();
        }
    }
}
