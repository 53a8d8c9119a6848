package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** final, volatile and AtomicReference client fields driven from a message callback. */
public class ClientSlots {
    private final String cs;
    private final DeviceClient fixed;
    private volatile DeviceClient current;
    private final AtomicReference<DeviceClient> slot = new AtomicReference<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    public ClientSlots(String cs) throws URISyntaxException, IOException {
        this.cs = cs;
        fixed = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        slot.set(new DeviceClient(cs, IotHubClientProtocol.MQTT));
        fixed.open();
        current.open();
        slot.get().open();
        fixed.setMessageCallback(this::onMessage, null);
    }

    private IotHubMessageResult onMessage(Message m, Object ctx) {
        String cmd = new String(m.getBytes(), StandardCharsets.UTF_8);
        try {
            switch (cmd) {
                case "bounce-fixed":
                    fixed.closeNow();
                    fixed.open();
                    break;
                case "bounce-current":
                    this.current.closeNow();
                    current.open();
                    break;
                case "kick-slot":
                    // expect: IotHubOpenWithoutStatusGuard
                    slot.get().open();
                    break;
                case "rotate":
                    pool.execute(this::rotate);
                    break;
                case "swap-current":
                    // expect: IotHubClientReplacedWithoutClose
                    current = new DeviceClient(cs, IotHubClientProtocol.MQTT);
                    current.open();
                    break;
                case "probe":
                    probe();
                    break;
                case "probe-safely":
                    probeSafely();
                    break;
                default:
                    break;
            }
        } catch (URISyntaxException | IOException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    private void rotate() {
        try {
            DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            DeviceClient old = slot.getAndSet(fresh);
            if (old != null) {
                old.closeNow();
            }
            fresh.open();
        } catch (URISyntaxException | IOException e) {
            // ignored
        }
    }

    private void probe() throws URISyntaxException, IOException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient probe = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        probe.open();
        probe.sendEventAsync(new Message("probe"), null, null);
    }

    private void probeSafely() throws URISyntaxException, IOException {
        DeviceClient p = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        try {
            p.open();
            p.sendEventAsync(new Message("probe"), null, null);
        } finally {
            p.closeNow();
        }
    }
}
