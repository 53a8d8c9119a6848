package com.example.edge.replacedfilter;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** IoT Edge module (2.x): createFromEnvironment with an app-provided UDS channel. */
public class FilterModule {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final UdsChannel channel = new UdsChannel();
    private volatile ModuleClient moduleClient;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

    public void start() throws IotHubClientException {
        moduleClient = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
        moduleClient.setConnectionStatusChangeCallback(ctx -> {
            status = ctx.getNewStatus();
            // expect: IotHubReopenAfterClientClose
            if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())) {
                executor.execute(this::recreate);
            }
        }, null);
        moduleClient.setMessageCallback("input1", this::onInput, null);
        moduleClient.open(false);
    }

    /** Executor: replaces the module client without closing the previous one. */
    private void recreate() {
        try {
            // expect: IotHubClientReplacedWithoutClose
            moduleClient = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
            moduleClient.setMessageCallback("input1", this::onInput, null);
            moduleClient.open(false);
        } catch (IotHubClientException e) {
            System.err.println("recreate failed " + e);
        }
    }

    private IotHubMessageResult onInput(Message message, Object ctx) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        if ("__reset__".equals(body)) {
            executor.execute(() -> {
                moduleClient.close();
                try {
                    moduleClient = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
                    moduleClient.setMessageCallback("input1", this::onInput, null);
                    moduleClient.open(false);
                } catch (IotHubClientException e) {
                    System.err.println("reset failed " + e);
                }
            });
            return IotHubMessageResult.COMPLETE;
        }
        if ("__reload__".equals(body)) {
            try {
                // message callback: a fresh module client over the live one
                // expect: IotHubClientReplacedWithoutClose
                moduleClient = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
                moduleClient.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }
        moduleClient.sendEventAsync(new Message(body), (m, e, c) -> { }, null, "output1");
        return IotHubMessageResult.COMPLETE;
    }

    public static void main(String[] args) throws Exception {
        new FilterModule().start();
    }
}
