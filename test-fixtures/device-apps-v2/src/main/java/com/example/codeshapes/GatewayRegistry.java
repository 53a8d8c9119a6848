package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A gateway with one client per downstream device, re-provisioned from SDK callbacks. */
public class GatewayRegistry {
    private final Map<String, DeviceClient> byId = new ConcurrentHashMap<>();
    private final DeviceClient control;

    public GatewayRegistry(List<String> ids) throws IotHubClientException, InterruptedException {
        for (String id : ids) {
            DeviceClient c = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
            c.open(false);
            byId.put(id, c);
        }
        control = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        control.setMessageCallback((message, ctx) -> {
            String id = new String(message.getBytes());
            reprovision(id);
            return IotHubMessageResult.COMPLETE;
        }, null);
        control.open(false);
        control.subscribeToMethods((methodName, payload, ctx) -> {
            switch (methodName) {
                case "swap" -> swapViaRemove(payload.getPayloadAsJsonString());
                case "blind" -> swapBlind(payload.getPayloadAsJsonString());
                default -> { }
            }
            return new DirectMethodResponse(200, null);
        }, null);
    }

    static String cs(String id) {
        return Util.CS.replace("dev1", id);
    }

    /** Close the value put() returns, before the replacement opens. */
    void reprovision(String id) {
        DeviceClient replacement = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
        DeviceClient replaced = byId.put(id, replacement);
        if (replaced != null) {
            replaced.close();
        }
        try {
            replacement.open(false);
        } catch (IotHubClientException e) {
            replacement.close();
            byId.remove(id, replacement);
        }
    }

    /** remove() and close first, then put the new one. */
    void swapViaRemove(String id) {
        DeviceClient old = byId.remove(id);
        if (old != null) {
            old.close();
        }
        DeviceClient fresh = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
        byId.put(id, fresh);
        try {
            fresh.open(false);
        } catch (IotHubClientException e) {
            System.err.println(e);
        }
    }

    /** Near miss: the displaced client keeps its link. */
    void swapBlind(String id) {
        // expect: IotHubClientReplacedWithoutClose
        byId.put(id, new DeviceClient(cs(id), IotHubClientProtocol.AMQPS));
    }

    public void shutdown() {
        for (DeviceClient c : byId.values()) {
            c.close();
        }
        control.close();
    }
}
