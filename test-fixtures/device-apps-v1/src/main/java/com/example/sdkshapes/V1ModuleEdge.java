package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;

/** 1.x ModuleClient.createFromEnvironment, input message callbacks, send confirmations. */
public class V1ModuleEdge {
    private ModuleClient module;

    public static void main(String[] args) throws Exception {
        V1ModuleEdge edge = new V1ModuleEdge();
        edge.start();
    }

    void start() throws ModuleClientException, IOException {
        module = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
        module.setMessageCallback("input1", this::onInput, module);
        module.setMessageCallback("rotate", this::onRotate, null);
        module.setMessageCallback("rotate-safely", this::onRotateSafely, null);
        module.setMessageCallback("shutdown", (msg, ctx) -> {
            try {
                module.closeNow();
            } catch (IOException e) {
                return IotHubMessageResult.ABANDON;
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
        module.setMessageCallback("control", new MessageCallback() {
            @Override
            public IotHubMessageResult execute(Message message, Object context) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    module.open();
                } catch (IOException e) {
                    return IotHubMessageResult.ABANDON;
                }
                return IotHubMessageResult.COMPLETE;
            }
        }, null);
        module.open();
    }

    private IotHubMessageResult onInput(Message msg, Object ctx) {
        ModuleClient m = (ModuleClient) ctx;
        m.sendEventAsync(msg, (code, c) -> {
            if (code != IotHubStatusCode.OK && code != IotHubStatusCode.OK_EMPTY) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    m.open();
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }, null, "output1");
        return IotHubMessageResult.COMPLETE;
    }

    private IotHubMessageResult onRotate(Message msg, Object ctx) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
            module.open();
        } catch (ModuleClientException | IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    private IotHubMessageResult onRotateSafely(Message msg, Object ctx) {
        try {
            if (module != null) {
                module.closeNow();
            }
            module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
            module.open();
        } catch (ModuleClientException | IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }
}
