package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** final, volatile and AtomicReference client fields driven from a message callback (arrow switch). */
public class ClientSlots {
    private final String cs;
    private final DeviceClient fixed;
    private volatile DeviceClient current;
    private final AtomicReference<DeviceClient> slot = new AtomicReference<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    public ClientSlots(String cs) throws IotHubClientException {
        this.cs = cs;
        fixed = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        slot.set(new DeviceClient(cs, IotHubClientProtocol.MQTT));
        fixed.open(true);
        current.open(true);
        slot.get().open(true);
        fixed.setMessageCallback(this::onMessage, null);
    }

    private IotHubMessageResult onMessage(Message m, Object ctx) {
        String cmd = new String(m.getBytes(), StandardCharsets.UTF_8);
        try {
            switch (cmd) {
                case "bounce-fixed" -> {
                    fixed.close();
                    fixed.open(false);
                }
                case "bounce-current" -> {
                    this.current.close();
                    current.open(false);
                }
                case "kick-slot" -> {
                    // expect: IotHubOpenWithoutStatusGuard
                    slot.get().open(false);
                }
                case "rotate" -> pool.execute(this::rotate);
                case "swap-current" -> {
                    // expect: IotHubClientReplacedWithoutClose
                    current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    current.open(false);
                }
                case "probe" -> probe();
                case "probe-safely" -> probeSafely();
                default -> {
                }
            }
        } catch (IotHubClientException | InterruptedException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void rotate() {
        try {
            var fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            var old = slot.getAndSet(fresh);
            if (old != null) {
                old.close();
            }
            fresh.open(false);
        } catch (IotHubClientException e) {
            // ignored
        }
    }

    private void probe() throws IotHubClientException, InterruptedException {
        // expect: IotHubClientReplacedWithoutClose
        var probe = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        probe.open(false);
        probe.sendEvent(new Message("probe"));
    }

    private void probeSafely() throws IotHubClientException, InterruptedException {
        DeviceClient p = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        try {
            p.open(false);
            p.sendEvent(new Message("probe"));
        } finally {
            p.close();
        }
    }
}
