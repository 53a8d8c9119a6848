package com.example.edge.replacedfilter;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** IoT Edge filter module: forwards temperature readings above a threshold. */
public class FilterModule {
    private static final double THRESHOLD = 25.0;
    private final ExecutorService reconnectExecutor = Executors.newSingleThreadExecutor();
    private volatile ModuleClient moduleClient;

    public FilterModule() throws ModuleClientException {
        moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
    }

    public void start() throws IOException {
        moduleClient.registerConnectionStatusChangeCallback(this::onStatus, null);
        moduleClient.setMessageCallback("input1", this::onInput, null);
        moduleClient.open();
    }

    private void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable t, Object ctx) {
        System.out.println("status " + status + " " + reason);
        if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
            reconnectExecutor.submit(this::recreate);
        }
    }

    // runs on the executor: a re-entry site
    private void recreate() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
            moduleClient.registerConnectionStatusChangeCallback(this::onStatus, null);
            moduleClient.setMessageCallback("input1", this::onInput, null);
            moduleClient.open();
        } catch (ModuleClientException | IOException e) {
            System.err.println("recreate failed: " + e);
        }
    }

    private IotHubMessageResult onInput(Message message, Object ctx) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        if ("__reset__".equals(body)) {
            // operator asked for a clean session: close the old one first
            try {
                moduleClient.closeNow();
                moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
                moduleClient.setMessageCallback("input1", this::onInput, null);
                moduleClient.open();
            } catch (IOException | ModuleClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }
        double value;
        try {
            value = Double.parseDouble(body);
        } catch (NumberFormatException e) {
            return IotHubMessageResult.REJECT;
        }
        if (value > THRESHOLD) {
            moduleClient.sendEventAsync(new Message(body), (code, c) -> { }, null, "output1");
        }
        return IotHubMessageResult.COMPLETE;
    }

    public static void main(String[] args) throws Exception {
        FilterModule module = new FilterModule();
        module.start();
        Thread.currentThread().join();
    }
}
