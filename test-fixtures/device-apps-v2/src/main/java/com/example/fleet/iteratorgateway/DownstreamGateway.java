package com.example.fleet.iteratorgateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A gateway that opens one client per downstream device at start-up, walking the list with an iterator. */
public class DownstreamGateway {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();

    /** One client per device: each round handles another device, so this is start-up code. Quiet. */
    public void openAll(List<String> deviceIds) throws IotHubClientException {
        Iterator<String> ids = deviceIds.iterator();
        while (ids.hasNext()) {
            String id = ids.next();
            DeviceClient client = new DeviceClient(System.getenv("CS_" + id), IotHubClientProtocol.AMQPS);
            client.open(false);
            clients.put(id, client);
        }
    }

    /** Re-provisions the first device forever: every round puts a new client over the open one. */
    public void reprovisionForever(List<String> deviceIds) throws IotHubClientException, InterruptedException {
        String first = deviceIds.iterator().next();
        while (true) {
            DeviceClient client = new DeviceClient(System.getenv("CS_" + first), IotHubClientProtocol.AMQPS);
            client.open(false);
            // expect: IotHubClientReplacedWithoutClose
            clients.put(first, client);
            Thread.sleep(3_600_000);
        }
    }

    public static void main(String[] args) throws Exception {
        DownstreamGateway gateway = new DownstreamGateway();
        gateway.openAll(List.of(args));
        gateway.reprovisionForever(List.of(args));
    }
}
