package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

/** 2.x ModuleClient.createFromEnvironment, input message callbacks, method callbacks, send confirmations. */
public class V2ModuleEdge {
    private ModuleClient module;
    private final UnixDomainSocketChannel channel;

    public V2ModuleEdge(UnixDomainSocketChannel channel) {
        this.channel = channel;
    }

    public void start() throws IotHubClientException {
        module = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.MQTT);
        module.setMessageCallback("input1", this::onInput, null);
        module.setMessageCallback("control", (message, context) -> {
            module.close();
            return IotHubMessageResult.COMPLETE;
        }, null);
        module.open(false);
        module.subscribeToMethodsAsync(this::onMethod, null, (ex, ctx) -> { }, null);
    }

    private IotHubMessageResult onInput(Message message, Object ctx) {
        module.sendEventAsync(message, (sent, ex, c) -> {
            if (ex != null) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    module.open(false);
                } catch (IotHubClientException e) {
                    System.err.println(e);
                }
            }
        }, null, "output1");
        return IotHubMessageResult.COMPLETE;
    }

    private DirectMethodResponse onMethod(String name, DirectMethodPayload payload, Object ctx) {
        try {
            if ("rotate".equals(name)) {
                // expect: IotHubClientReplacedWithoutClose
                module = ModuleClient.createFromEnvironment(channel);
                module.open(false);
            } else if ("rotate-safely".equals(name)) {
                if (module != null) {
                    module.close();
                }
                module = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
                module.open(false);
            } else if ("restart".equals(name)) {
                module.close();
                module.open(false);
            } else if ("poke".equals(name)) {
                // expect: IotHubOpenWithoutStatusGuard
                module.open(true);
            }
        } catch (IotHubClientException e) {
            return new DirectMethodResponse(500, e.getMessage());
        }
        return new DirectMethodResponse(200, null);
    }
}
