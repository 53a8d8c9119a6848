package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** 2.x: a map of clients maintained from a cloud-to-device message callback. */
public class V2DeviceRegistry {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

    public V2DeviceRegistry(DeviceClient gateway) {
        gateway.setMessageCallback(this::onCommand, null);
    }

    private IotHubMessageResult onCommand(Message msg, Object ctx) {
        String id = msg.getProperty("deviceId");
        String cs = msg.getProperty("cs");
        try {
            switch (msg.getProperty("op")) {
                case "add" -> {
                    var fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    // expect: IotHubClientReplacedWithoutClose
                    clients.put(id, fresh);
                    fresh.open(false);
                }
                case "replace" -> {
                    var fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    DeviceClient old = clients.put(id, fresh);
                    if (old != null) {
                        old.close();
                    }
                    fresh.open(false);
                }
                case "swap" -> {
                    DeviceClient old = clients.remove(id);
                    if (old != null) {
                        old.close();
                    }
                    clients.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
                }
                default -> {
                    return IotHubMessageResult.REJECT;
                }
            }
        } catch (IotHubClientException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }
}
