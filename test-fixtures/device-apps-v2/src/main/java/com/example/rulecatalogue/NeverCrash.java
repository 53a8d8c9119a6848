package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.InternalClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Modern language features around clients; all start-up code, so nothing is reported and nothing crashes. */
public class NeverCrash {
    record Device(String id, DeviceClient client) {
        Device {
            if (id == null) throw new IllegalArgumentException("id");
        }

        void connect() throws IotHubClientException {
            client.open(false);
        }
    }

    sealed interface Transport permits Mqtt, Amqp {}

    record Mqtt(boolean webSockets) implements Transport {}

    record Amqp(boolean webSockets) implements Transport {}

    static final class Pool<C extends InternalClient> {
        private final List<C> members = new ArrayList<>();

        void add(C c) {
            members.add(c);
        }

        void openAll() throws IotHubClientException {
            for (C c : members) {
                c.open(false);
            }
        }
    }

    static IotHubClientProtocol protocolFor(Transport t) {
        if (t instanceof Mqtt m) {
            return m.webSockets() ? IotHubClientProtocol.MQTT_WS : IotHubClientProtocol.MQTT;
        }
        Amqp a = (Amqp) t;
        return a.webSockets() ? IotHubClientProtocol.AMQPS_WS : IotHubClientProtocol.AMQPS;
    }

    static String describe(IotHubConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> "up";
            case DISCONNECTED_RETRYING -> "SDK retrying";
            case DISCONNECTED -> "down";
        };
    }

    public static void main(String[] args) throws IotHubClientException {
        var transport = new Mqtt(false);
        var client = new DeviceClient(args[0], protocolFor(transport));
        var device = new Device("dev1", client);
        device.connect();

        Pool<DeviceClient> pool = new Pool<>();
        pool.add(new DeviceClient(args[1], IotHubClientProtocol.AMQPS));
        pool.openAll();

        Supplier<String> label = () -> describe(IotHubConnectionStatus.CONNECTED);
        System.out.println(label.get());

        Object o = client;
        if (o instanceof DeviceClient dc) {
            dc.sendEventAsync(new com.microsoft.azure.sdk.iot.device.Message("x"), null, null);
        }
    }
}
