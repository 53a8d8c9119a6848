package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;
import java.nio.charset.StandardCharsets;

/** IoT Edge module built with ModuleClient.createFromEnvironment. */
public class EdgeModule {
    private final UnixDomainSocketChannel channel;
    private ModuleClient module;

    public EdgeModule(UnixDomainSocketChannel channel) {
        this.channel = channel;
    }

    public static void run(UnixDomainSocketChannel channel) throws Exception {
        EdgeModule app = new EdgeModule(channel);
        app.module = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
        app.module.setMessageCallback("control", app::onControl, null);
        app.module.open(true);
    }

    void initShadowed() throws IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        ModuleClient module = ModuleClient.createFromEnvironment(channel);
        module.open(true);
    }

    private IotHubMessageResult onControl(Message msg, Object ctx) {
        String cmd = new String(msg.getBytes(), StandardCharsets.UTF_8);
        try {
            if ("recreate".equals(cmd)) {
                // expect: IotHubClientReplacedWithoutClose
                module = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
                module.open(false);
            } else if ("recreate-safely".equals(cmd)) {
                if (module != null) {
                    module.close();
                }
                module = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
                module.open(false);
            } else if ("diagnose".equals(cmd)) {
                // expect: IotHubClientReplacedWithoutClose
                var probe = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.MQTT);
                probe.open(false);
                probe.sendEventAsync(new Message("diag"), null, null);
            }
        } catch (IotHubClientException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    final class Reloader {
        void reload() throws IotHubClientException {
            // expect: IotHubClientReplacedWithoutClose
            ModuleClient module = ModuleClient.createFromEnvironment(channel, IotHubClientProtocol.AMQPS);
            module.open(false);
        }
    }
}
