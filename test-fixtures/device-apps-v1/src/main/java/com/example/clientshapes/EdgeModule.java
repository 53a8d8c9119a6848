package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** IoT Edge module built with ModuleClient.createFromEnvironment. */
public class EdgeModule {
    private ModuleClient module;

    public static void main(String[] args) throws Exception {
        EdgeModule app = new EdgeModule();
        app.module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
        app.module.setMessageCallback("control", app::onControl, null);
        app.module.open();
    }

    void initShadowed() throws ModuleClientException, IOException {
        // expect: IotHubClientReplacedWithoutClose
        ModuleClient module = ModuleClient.createFromEnvironment();
        module.open();
    }

    private IotHubMessageResult onControl(Message msg, Object ctx) {
        String cmd = new String(msg.getBytes(), StandardCharsets.UTF_8);
        try {
            if ("recreate".equals(cmd)) {
                // expect: IotHubClientReplacedWithoutClose
                module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
                module.open();
            } else if ("recreate-safely".equals(cmd)) {
                if (module != null) {
                    module.closeNow();
                }
                module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
                module.open();
            } else if ("diagnose".equals(cmd)) {
                // expect: IotHubClientReplacedWithoutClose
                ModuleClient probe = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
                probe.open();
                probe.sendEventAsync(new Message("diag"), null, null);
            }
        } catch (ModuleClientException | IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    final class Reloader {
        void reload() throws ModuleClientException, IOException {
            // expect: IotHubClientReplacedWithoutClose
            ModuleClient module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
            module.open();
        }
    }
}
