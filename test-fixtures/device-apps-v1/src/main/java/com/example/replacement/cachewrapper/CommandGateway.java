package com.example.replacement.cachewrapper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;

import java.nio.charset.StandardCharsets;

/** Connects a downstream device when a cloud-to-device message names one (a message callback: a re-entry site). */
public class CommandGateway implements MessageCallback {
    private final DeviceCache cache = new DeviceCache();
    private final LooseCache loose = new LooseCache();

    @Override
    public IotHubMessageResult execute(Message message, Object context) {
        String deviceId = new String(message.getBytes(), StandardCharsets.UTF_8);
        try {
            if (cache.get(deviceId) == null) {
                DeviceClient client = new DeviceClient(System.getenv("CS_" + deviceId), IotHubClientProtocol.MQTT);
                // quiet: check 1 - exemption (b): the client was created just before in this method
                client.open();
                cache.add(deviceId, client);
            }
            if (loose.size() < 100) {
                DeviceClient client = new DeviceClient(System.getenv("CS_" + deviceId), IotHubClientProtocol.AMQPS);
                // quiet: check 1 - exemption (b): the client was created just before in this method
                client.open();
                loose.add(deviceId, client);
            }
        } catch (Exception e) {
            System.err.println("connecting " + deviceId + " failed: " + e.getMessage());
        }
        return IotHubMessageResult.COMPLETE;
    }
}
