package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;

/** A gateway holding one client per device id; re-provisioning replaces entries. */
public class ClientRegistry {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final Timer timer = new Timer("registry");

    static String cs(String id) {
        return Util.CS.replace("dev1", id);
    }

    /** Start-up: populate and open every client (one per device). */
    public void start(String... ids) throws IOException, URISyntaxException {
        for (String id : ids) {
            DeviceClient c = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
            clients.put(id, c);
        }
        for (Map.Entry<String, DeviceClient> e : clients.entrySet()) {
            e.getValue().open();
        }
        DeviceClient first = clients.get(ids[0]);
        first.setMessageCallback(new MessageCallback() {
            @Override
            public IotHubMessageResult execute(Message message, Object ctx) {
                String target = new String(message.getBytes());
                if (target.startsWith("reprovision:")) {
                    replaceClosingReturned(target.substring(12));
                } else if (target.startsWith("rotate:")) {
                    replaceRemoveFirst(target.substring(7));
                } else if (target.startsWith("raw:")) {
                    replaceBlindly(target.substring(4));
                }
                return IotHubMessageResult.COMPLETE;
            }
        }, null);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                replaceGetThenClose(ids[0]);
            }
        }, 60_000, 60_000);
    }

    /** put() returns the replaced client, which is closed before the new one opens. */
    void replaceClosingReturned(String id) {
        try {
            DeviceClient fresh = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
            DeviceClient previous = clients.put(id, fresh);
            if (previous != null) {
                previous.closeNow();
            }
            fresh.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** remove() + close, then put a new one. */
    void replaceRemoveFirst(String id) {
        try {
            DeviceClient gone = clients.remove(id);
            if (gone != null) {
                gone.close();
            }
            DeviceClient fresh = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
            clients.put(id, fresh);
            fresh.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** get() + close, then put a new one. */
    void replaceGetThenClose(String id) {
        try {
            DeviceClient current = clients.get(id);
            if (current != null) {
                current.closeNow();
            }
            DeviceClient fresh = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
            fresh.open();
            clients.put(id, fresh);
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** Near miss: the replaced client is left running. */
    void replaceBlindly(String id) {
        try {
            DeviceClient fresh = new DeviceClient(cs(id), IotHubClientProtocol.AMQPS);
            fresh.open();
            // expect: IotHubClientReplacedWithoutClose
            clients.put(id, fresh);
        } catch (IOException | URISyntaxException e) {
            System.err.println(e);
        }
    }

    /** Start-up helper map with non-client values: never a finding. */
    public Map<String, String> describe() {
        Map<String, String> out = new HashMap<>();
        for (String id : clients.keySet()) {
            out.put(id, "client for " + id);
        }
        return out;
    }

    public void stop() throws IOException {
        timer.cancel();
        for (DeviceClient c : clients.values()) {
            c.closeNow();
        }
    }
}
