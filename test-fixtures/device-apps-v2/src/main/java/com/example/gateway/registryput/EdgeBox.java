package com.example.gateway.registryput;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

/**
 * An edge box whose own identity takes "addLeaf" and "reprovisionLeaf" direct methods, creates the leaf's client on
 * the method callback's thread and hands it to the registry.
 */
public class EdgeBox {
    private final LeafRegistry registry = new LeafRegistry();
    private final DeviceClient self;

    public EdgeBox(String connectionString) {
        self = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void start() throws IotHubClientException, InterruptedException {
        // quiet: start-up code
        self.open(false);
        self.subscribeToMethods((methodName, payload, context) -> provision(methodName, payload), null);
    }

    private DirectMethodResponse provision(String methodName, DirectMethodPayload payload) {
        String deviceId = payload.getPayloadAsJsonString();
        DeviceClient leaf = new DeviceClient(System.getenv("LEAF_" + deviceId), IotHubClientProtocol.AMQPS);
        try {
            // quiet: a fresh client, created just above (exemption (b))
            leaf.open(false);
        } catch (IotHubClientException e) {
            return new DirectMethodResponse(500, e.getMessage());
        }
        if ("addLeaf".equals(methodName)) {
            registry.register(deviceId, leaf);
        } else {
            registry.replace(deviceId, leaf);
        }
        return new DirectMethodResponse(200, "ok");
    }
}
