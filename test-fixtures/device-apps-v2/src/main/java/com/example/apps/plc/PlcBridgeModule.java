package com.example.apps.plc;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IoT Edge module bridging a Siemens S7 / Modbus PLC to edgeHub: polls tags, routes them to
 * output "plcTelemetry", and writes set-points that arrive on input "plcCommands".
 */
public final class PlcBridgeModule {
    private static final Logger LOG = Logger.getLogger(PlcBridgeModule.class.getName());
    private static final String OUTPUT = "plcTelemetry";

    /** Minimal tag-level PLC access; the production build talks S7comm. */
    interface PlcDriver {
        Map<String, Double> readTags();
        void writeTag(String tag, double value);
    }

    static final class SimulatedPlc implements PlcDriver {
        private final Map<String, Double> tags = new LinkedHashMap<>();

        SimulatedPlc() {
            tags.put("Line1.Speed", 120.0);
            tags.put("Line1.Temp", 71.5);
            tags.put("Line1.Pressure", 3.2);
        }

        @Override
        public synchronized Map<String, Double> readTags() {
            tags.replaceAll((k, v) -> v + ThreadLocalRandom.current().nextGaussian() * 0.1);
            return new LinkedHashMap<>(tags);
        }

        @Override
        public synchronized void writeTag(String tag, double value) {
            tags.put(tag, value);
        }
    }

    private final PlcDriver plc;
    private final EdgeletSocketChannel workloadChannel = new EdgeletSocketChannel();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService commandExecutor = Executors.newSingleThreadExecutor();
    private volatile ModuleClient moduleClient;
    private volatile IotHubConnectionStatus hubStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile IotHubClientProtocol protocol = IotHubClientProtocol.MQTT;
    private volatile int pollMillis = 1000;

    PlcBridgeModule(PlcDriver plc) {
        this.plc = plc;
    }

    void start() throws IotHubClientException, InterruptedException {
        moduleClient = ModuleClient.createFromEnvironment(workloadChannel, protocol);
        moduleClient.setConnectionStatusChangeCallback(ctx -> onHubStatus(ctx), null);
        moduleClient.open(true);
        wireInputs();
        poller.scheduleWithFixedDelay(this::pollPlc, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void wireInputs() throws IotHubClientException, InterruptedException {
        moduleClient.setMessageCallback("plcCommands", this::onPlcCommand, null);
        moduleClient.setMessageCallback("configUpdates", new ConfigInput(), null);
        moduleClient.subscribeToMethods(this::onMethod, null);
    }

    private void onHubStatus(ConnectionStatusChangeContext ctx) {
        hubStatus = ctx.getNewStatus();
        LOG.info("edgeHub link " + ctx.getPreviousStatus() + " -> " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
        switch (ctx.getNewStatus()) {
            case CONNECTED -> LOG.fine("edgeHub link up");
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED_RETRYING, DISCONNECTED -> commandExecutor.execute(this::reopenModuleClient);
        }
    }

    /** Re-establish the edgeHub link so the line keeps reporting. */
    private void reopenModuleClient() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            moduleClient.open(false);
            wireInputs();
        } catch (IotHubClientException e) {
            LOG.log(Level.WARNING, "edgeHub reopen failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollPlc() {
        Map<String, Double> tags = plc.readTags();
        StringBuilder json = new StringBuilder("{");
        tags.forEach((k, v) -> json.append('"').append(k).append("\":").append(String.format("%.3f", v)).append(','));
        json.setCharAt(json.length() - 1, '}');
        Message message = new Message(json.toString().getBytes(StandardCharsets.UTF_8));
        message.setContentType("application/json");
        message.setProperty("line", "1");
        try {
            moduleClient.sendEventAsync(message, (sent, error, ctx) -> {
                if (error != null) {
                    LOG.warning("telemetry to " + OUTPUT + " failed: " + error.getStatusCode());
                }
            }, null, OUTPUT);
        } catch (IllegalStateException notOpen) {
            LOG.fine("module client not open; sample skipped");
        }
    }

    private IotHubMessageResult onPlcCommand(Message message, Object context) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        String[] parts = body.split("=");
        if (parts.length != 2) {
            return IotHubMessageResult.REJECT;
        }
        try {
            plc.writeTag(parts[0].trim(), Double.parseDouble(parts[1].trim()));
            return IotHubMessageResult.COMPLETE;
        } catch (NumberFormatException e) {
            return IotHubMessageResult.REJECT;
        }
    }

    /** Input "configUpdates": deployment pushes protocol/poll changes here. */
    private final class ConfigInput implements MessageCallback {
        @Override
        public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
            String requestedProtocol = message.getProperty("protocol");
            String poll = message.getProperty("pollMillis");
            if (poll != null) {
                pollMillis = Integer.parseInt(poll);
            }
            if (requestedProtocol == null || IotHubClientProtocol.valueOf(requestedProtocol) == protocol) {
                return IotHubMessageResult.COMPLETE;
            }
            protocol = IotHubClientProtocol.valueOf(requestedProtocol);
            LOG.info("switching edgeHub protocol to " + protocol);
            try {
                // expect: IotHubClientReplacedWithoutClose
                moduleClient = ModuleClient.createFromEnvironment(workloadChannel, protocol);
                moduleClient.setConnectionStatusChangeCallback(ctx -> onHubStatus(ctx), null);
                moduleClient.open(false);
                wireInputs();
                return IotHubMessageResult.COMPLETE;
            } catch (IotHubClientException e) {
                LOG.log(Level.SEVERE, "protocol switch failed", e);
                return IotHubMessageResult.ABANDON;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return IotHubMessageResult.ABANDON;
            }
        }
    }

    private DirectMethodResponse onMethod(String name, DirectMethodPayload payload, Object context) {
        switch (name) {
            case "restartLink":
                commandExecutor.submit(() -> {
                    moduleClient.close();
                    moduleClient.open(false);
                    wireInputs();
                    return null;
                });
                return new DirectMethodResponse(202, "restarting edgeHub link");
            case "readTags":
                return new DirectMethodResponse(200, plc.readTags().toString());
            case "writeTag": {
                String[] kv = payload.getPayload(String.class).split("=");
                plc.writeTag(kv[0], Double.parseDouble(kv[1]));
                return new DirectMethodResponse(200, null);
            }
            default:
                return new DirectMethodResponse(404, "unknown method");
        }
    }

    void stop() {
        poller.shutdownNow();
        commandExecutor.shutdownNow();
        ModuleClient c = moduleClient;
        if (c != null) {
            c.close();
        }
    }

    public static void main(String[] args) throws Exception {
        PlcBridgeModule module = new PlcBridgeModule(new SimulatedPlc());
        Runtime.getRuntime().addShutdownHook(new Thread(module::stop));
        module.start();
        Thread.currentThread().join();
    }
}
