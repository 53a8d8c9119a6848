package com.example.gateway.registryput;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * An edge box whose own identity takes "add:" and "reprovision:" commands as cloud-to-device messages, creates the
 * leaf's client on the message callback's thread and hands it to the registry.
 */
public class EdgeBox {
    private final LeafRegistry registry = new LeafRegistry();
    private final DeviceClient self;

    public EdgeBox(String connectionString) throws URISyntaxException {
        self = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void start() throws IOException {
        self.setMessageCallback((message, context) -> provision(message), null);
        // quiet: start-up code
        self.open();
    }

    private IotHubMessageResult provision(Message message) {
        String command = new String(message.getBytes(), StandardCharsets.UTF_8);
        String deviceId = command.substring(command.indexOf(':') + 1);
        try {
            DeviceClient leaf = new DeviceClient(System.getenv("LEAF_" + deviceId), IotHubClientProtocol.AMQPS);
            // quiet: a fresh client, created just above (exemption (b))
            leaf.open();
            if (command.startsWith("add:")) {
                registry.register(deviceId, leaf);
            } else {
                registry.replace(deviceId, leaf);
            }
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException e) {
            return IotHubMessageResult.REJECT;
        }
    }
}
