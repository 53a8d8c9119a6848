package com.example.startup.bootstrap;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** Boot sequence of a Raspberry Pi gateway; only start-up code plus one low-power duty cycle. */
public final class DeviceBootstrap {
    private static DeviceClient cached;
    private static String cachedCs;

    /** Subclass used by the gateway to tag its modules. */
    static class TaggedModuleClient extends ModuleClient {
        TaggedModuleClient(String cs) throws ModuleClientException, URISyntaxException {
            super(cs, IotHubClientProtocol.AMQPS);
        }
    }

    private final DeviceClient dutyClient;

    public DeviceBootstrap(String cs) throws URISyntaxException, IOException {
        dutyClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        DeviceClient probe = new DeviceClient(cs, IotHubClientProtocol.HTTPS);
        probe.open();
        probe.closeNow();
    }

    public static DeviceClient connectWithRetry(String cs, int maxAttempts)
            throws URISyntaxException, IOException, InterruptedException {
        DeviceClient deviceClient = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        for (int attempt = 1; ; attempt++) {
            try {
                deviceClient.open();
                return deviceClient;
            } catch (IOException e) {
                deviceClient.closeNow();
                if (attempt >= maxAttempts) {
                    throw e;
                }
                Thread.sleep(1000L * attempt);
            }
        }
    }

    public static synchronized DeviceClient getClient() throws URISyntaxException, IOException {
        if (cached == null) {
            cached = new DeviceClient(cachedCs, IotHubClientProtocol.MQTT);
            cached.open();
        }
        return cached;
    }

    public static void main(String[] args) throws Exception {
        cachedCs = args[0];
        DeviceClient main = connectWithRetry(args[0], 5);
        main.sendEventAsync(new Message("{\"boot\":true}"), (code, ctx) -> { }, null);

        ModuleClient edge = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
        edge.open();

        TaggedModuleClient[] modules = {new TaggedModuleClient(args[1]), new TaggedModuleClient(args[2])};
        for (TaggedModuleClient m : modules) {
            m.open();
        }

        try (DeviceClient once = new DeviceClient(args[3], IotHubClientProtocol.HTTPS)) {
            once.open();
            once.sendEventAsync(new Message("{\"inventory\":[]}"), (code, ctx) -> { }, null);
        }

        new Timer(true).schedule(new TimerTask() {
            @Override
            public void run() {
                try {
                    getClient().sendEventAsync(new Message("{\"alive\":true}"), (code, ctx) -> { }, null);
                } catch (URISyntaxException | IOException e) {
                    System.err.println("heartbeat failed: " + e);
                }
            }
        }, 60_000, 60_000);

        lowPowerLoop(args[4]);
    }

    /** Battery-powered sensor: connect, send, disconnect, sleep 15 minutes. The client is created once, before the loop. */
    static void lowPowerLoop(String cs) throws Exception {
        DeviceClient sensor = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        while (true) {
            sensor.open();
            try {
                sensor.sendEventAsync(new Message("{\"soil\":" + Math.random() + "}"), (code, ctx) -> { }, null);
                Thread.sleep(5_000);
            } finally {
                sensor.closeNow();
            }
            Thread.sleep(15 * 60 * 1000L);
        }
    }

    /** Same duty cycle but on the field-held client. */
    void dutyCycle() throws Exception {
        while (true) {
            // expect: IotHubOpenWithoutStatusGuard
            dutyClient.open();
            try {
                dutyClient.sendEventAsync(new Message("{\"soil\":" + Math.random() + "}"), (code, ctx) -> { }, null);
                Thread.sleep(5_000);
            } finally {
                dutyClient.closeNow();
            }
            Thread.sleep(15 * 60 * 1000L);
        }
    }
}
