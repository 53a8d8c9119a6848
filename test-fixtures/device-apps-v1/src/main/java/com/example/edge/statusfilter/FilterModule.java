package com.example.edge.statusfilter;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * IoT Edge filter module: forwards messages from input1 to output1 when the temperature exceeds a
 * threshold. The module itself is the connection status callback.
 */
public class FilterModule implements IotHubConnectionStatusChangeCallback {
    private final ModuleClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
    private volatile double threshold = 25.0;

    public FilterModule() throws ModuleClientException {
        client = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
    }

    public void start() throws IOException {
        client.registerConnectionStatusChangeCallback(this, null);
        client.setMessageCallback("input1", this::onInput, null);
        client.open();
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason,
                        Throwable throwable, Object callbackContext) {
        lastStatus = status;
        if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            scheduler.schedule(this::reconnect, 5, TimeUnit.SECONDS);
        }
    }

    private void reconnect() {
        try {
            client.closeNow();
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed, trying again in 10s: " + e.getMessage());
            scheduler.schedule(this::reconnect, 10, TimeUnit.SECONDS);
        }
    }

    private IotHubMessageResult onInput(Message message, Object context) {
        if (IotHubConnectionStatus.DISCONNECTED.equals(lastStatus)) {
            try {
                client.open();
            } catch (IOException e) {
                return IotHubMessageResult.ABANDON;
            }
        }
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        if (parseTemperature(body) > threshold) {
            forward(message);
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void forward(Message message) {
        try {
            client.sendEventAsync(message, (code, ctx) -> { }, null, "output1");
        } catch (IllegalStateException notOpen) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
                client.sendEventAsync(message, (code, ctx) -> { }, null, "output1");
            } catch (IOException e) {
                System.err.println("dropping message: " + e.getMessage());
            }
        }
    }

    private static double parseTemperature(String json) {
        int i = json.indexOf("\"temperature\":");
        if (i < 0) {
            return Double.NaN;
        }
        String rest = json.substring(i + 14).replaceAll("[^0-9.\\-].*$", "");
        return rest.isEmpty() ? Double.NaN : Double.parseDouble(rest);
    }

    public void stop() throws IOException {
        scheduler.shutdownNow();
        client.closeNow();
    }

    public static void main(String[] args) throws Exception {
        FilterModule module = new FilterModule();
        module.start();
        Thread.currentThread().join();
    }
}
