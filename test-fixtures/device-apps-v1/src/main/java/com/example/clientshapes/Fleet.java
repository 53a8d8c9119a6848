package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One client per device, held in an array, a list and a map. */
public class Fleet {
    private final DeviceClient[] edgeClients;
    private final List<DeviceClient> leafClients = new CopyOnWriteArrayList<>();
    private final Map<String, DeviceClient> byId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();

    public Fleet(List<String> edgeCs, List<String> leafCs) throws URISyntaxException {
        edgeClients = new DeviceClient[edgeCs.size()];
        int i = 0;
        for (String s : edgeCs) {
            edgeClients[i++] = new DeviceClient(s, IotHubClientProtocol.MQTT);
        }
        for (String s : leafCs) {
            DeviceClient c = new DeviceClient(s, IotHubClientProtocol.MQTT);
            leafClients.add(c);
            byId.put(s, c);
        }
    }

    public void startAll() throws IOException {
        for (DeviceClient c : edgeClients) {
            c.open();
            c.setMessageCallback(this::onCommand, null);
        }
        for (DeviceClient c : leafClients) {
            c.open();
        }
        ses.scheduleAtFixedRate(this::healthTick, 1, 1, TimeUnit.MINUTES);
    }

    private IotHubMessageResult onCommand(Message msg, Object ctx) {
        String[] parts = new String(msg.getBytes(), StandardCharsets.UTF_8).split(" ", 3);
        try {
            switch (parts[0]) {
                case "replace":
                    replace(parts[1], parts[2]);
                    break;
                case "replace-safely":
                    replaceSafely(parts[1], parts[2]);
                    break;
                case "replace-returned":
                    replaceReturned(parts[1], parts[2]);
                    break;
                case "reopen-all":
                    reopenAll();
                    break;
                case "kick-first":
                    kickFirst();
                    break;
                default:
                    break;
            }
        } catch (URISyntaxException | IOException e) {
            return IotHubMessageResult.REJECT;
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void healthTick() {
        for (DeviceClient c : leafClients) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                c.open();
            } catch (IOException e) {
                // ignored
            }
        }
    }

    private void reopenAll() throws IOException {
        for (DeviceClient c : edgeClients) {
            c.closeNow();
            c.open();
        }
    }

    private void kickFirst() throws IOException {
        // expect: IotHubOpenWithoutStatusGuard
        edgeClients[0].open();
        // expect: IotHubOpenWithoutStatusGuard
        leafClients.get(0).open();
    }

    private void replace(String id, String cs) throws URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        byId.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
    }

    private void replaceSafely(String id, String cs) throws URISyntaxException, IOException {
        DeviceClient old = byId.remove(id);
        if (old != null) {
            old.closeNow();
        }
        byId.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
    }

    private void replaceReturned(String id, String cs) throws URISyntaxException, IOException {
        DeviceClient previous = byId.put(id, new DeviceClient(cs, IotHubClientProtocol.MQTT));
        if (previous != null) {
            previous.closeNow();
        }
    }
}
