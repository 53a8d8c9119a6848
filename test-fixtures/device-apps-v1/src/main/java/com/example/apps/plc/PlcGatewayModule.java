package com.example.apps.plc;

import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubEventCallback;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IoT Edge (1.0.x runtime) module bridging an OPC-DA / Modbus PLC. Tags are read on a fixed schedule and
 * routed to output "tags"; write requests arrive on input "writes", alarms acknowledgements on input "acks".
 */
public class PlcGatewayModule {
    private static final Logger LOG = Logger.getLogger(PlcGatewayModule.class.getName());

    /** Register map of the packaging line PLC. */
    static final class RegisterMap {
        private final Map<Integer, Integer> holding = new TreeMap<>();

        RegisterMap() {
            for (int r = 40001; r <= 40020; r++) {
                holding.put(r, 0);
            }
        }

        synchronized Map<Integer, Integer> snapshot() {
            holding.replaceAll((k, v) -> (v + (int) (Math.random() * 3)) % 65536);
            return new TreeMap<>(holding);
        }

        synchronized void write(int register, int value) {
            if (!holding.containsKey(register)) {
                throw new IllegalArgumentException("register " + register + " is not writable");
            }
            holding.put(register, value);
        }
    }

    private final RegisterMap plc = new RegisterMap();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService commands = Executors.newSingleThreadExecutor();
    private final AtomicLong forwarded = new AtomicLong();
    private ModuleClient moduleClient;
    private volatile IotHubConnectionStatus edgeStatus = IotHubConnectionStatus.DISCONNECTED;

    void start() throws ModuleClientException, IOException, InterruptedException {
        moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
        moduleClient.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
                edgeStatus = status;
                LOG.info("edgeHub " + status + " / " + reason);
                if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
                    LOG.info("SAS token expired, renewing the edgeHub session");
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        moduleClient.open();
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "session renewal failed", e);
                    }
                }
                // expect: IotHubReopenAfterClientClose
                if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
                    scheduler.schedule(() -> reconnectWithBackoff(1), 5, TimeUnit.SECONDS);
                }
            }
        }, null);
        moduleClient.setMessageCallback("writes", new WriteInput(), null);
        moduleClient.setMessageCallback("acks", this::onAlarmAck, null);

        try {
            // expect: IotHubOpenRetryWithoutClose
            moduleClient.open();
        } catch (IOException first) {
            LOG.warning("edgeHub not ready yet (" + first.getMessage() + "), trying once more in 10s");
            Thread.sleep(10_000);
            moduleClient.open();
        }
        moduleClient.subscribeToMethod(new MethodHandler(), null, new Acks(), "methods");
        scheduler.scheduleAtFixedRate(this::forwardTags, 0, 2, TimeUnit.SECONDS);
    }

    private void reconnectWithBackoff(int attempt) {
        try {
            moduleClient.closeNow();
            moduleClient.open();
            LOG.info("edgeHub session re-established after " + attempt + " attempt(s)");
        } catch (IOException e) {
            long delay = Math.min(300, 5L << Math.min(attempt, 6));
            LOG.log(Level.WARNING, "reconnect attempt " + attempt + " failed, next in " + delay + "s", e);
            scheduler.schedule(() -> reconnectWithBackoff(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    private void forwardTags() {
        if (edgeStatus != IotHubConnectionStatus.CONNECTED) {
            return;
        }
        StringBuilder json = new StringBuilder("{");
        plc.snapshot().forEach((reg, val) -> json.append("\"").append(reg).append("\":").append(val).append(','));
        json.setCharAt(json.length() - 1, '}');
        Message message = new Message(json.toString());
        message.setContentType("application/json");
        moduleClient.sendEventAsync(message, new Acks(), "tags", "tags");
        forwarded.incrementAndGet();
    }

    /** Input "writes": {@code register=value}. */
    private final class WriteInput implements MessageCallback {
        @Override
        public IotHubMessageResult execute(Message message, Object context) {
            String body = new String(message.getBytes(), StandardCharsets.UTF_8).trim();
            String[] kv = body.split("=");
            try {
                plc.write(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
                return IotHubMessageResult.COMPLETE;
            } catch (RuntimeException e) {
                LOG.warning("rejected write '" + body + "': " + e.getMessage());
                return IotHubMessageResult.REJECT;
            }
        }
    }

    private IotHubMessageResult onAlarmAck(Message message, Object context) {
        LOG.info("alarm acknowledged by " + message.getProperty("operator"));
        return IotHubMessageResult.COMPLETE;
    }

    private final class MethodHandler implements DeviceMethodCallback {
        @Override
        public DeviceMethodData call(String methodName, Object methodData, Object context) {
            if ("restartSession".equals(methodName)) {
                commands.execute(() -> {
                    try {
                        moduleClient.closeNow();
                        moduleClient.open();
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "session restart failed", e);
                    }
                });
                return new DeviceMethodData(202, "restarting");
            }
            if ("stats".equals(methodName)) {
                return new DeviceMethodData(200, "{\"forwarded\":" + forwarded.get() + ",\"edge\":\"" + edgeStatus + "\"}");
            }
            return new DeviceMethodData(404, "unknown method");
        }
    }

    private static final class Acks implements IotHubEventCallback {
        @Override
        public void execute(IotHubStatusCode status, Object context) {
            if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
                LOG.fine(context + ": " + status);
            }
        }
    }

    void stop() {
        scheduler.shutdownNow();
        commands.shutdownNow();
        try {
            if (moduleClient != null) {
                moduleClient.closeNow();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        PlcGatewayModule module = new PlcGatewayModule();
        Runtime.getRuntime().addShutdownHook(new Thread(module::stop));
        module.start();
        Thread.currentThread().join();
    }
}
