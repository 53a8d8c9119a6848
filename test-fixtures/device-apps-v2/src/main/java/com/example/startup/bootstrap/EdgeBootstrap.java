package com.example.startup.bootstrap;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;

import java.io.IOException;
import java.util.List;

/** Start-up of an Edge device with a few modules; nothing here runs while a link is live. */
public final class EdgeBootstrap {
    /** Module client subclass with a default protocol. */
    static class AppModuleClient extends ModuleClient {
        AppModuleClient(String cs) {
            super(cs, IotHubClientProtocol.MQTT);
        }
    }

    /** Minimal socket channel for the workload API (implementation elided). */
    static final class WorkloadChannel implements UnixDomainSocketChannel {
        @Override
        public void open(String address) throws IOException {
        }

        @Override
        public void write(byte[] output) throws IOException {
        }

        @Override
        public int read(byte[] input) throws IOException {
            return -1;
        }

        @Override
        public void close() throws IOException {
        }
    }

    private final ModuleClient module;

    public EdgeBootstrap() throws IotHubClientException {
        module = ModuleClient.createFromEnvironment(new WorkloadChannel(), IotHubClientProtocol.AMQPS);
        module.open(true);
    }

    static DeviceClient openWithBackoff(String cs) throws InterruptedException {
        DeviceClient dc = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        long delay = 1000;
        while (true) {
            try {
                dc.open(false);
                return dc;
            } catch (IotHubClientException e) {
                dc.close();
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 60_000);
            }
        }
    }

    static void openModules(List<AppModuleClient> modules) throws IotHubClientException {
        for (AppModuleClient m : modules) {
            m.open(true);
        }
    }

    /** Meter gateway main loop: one client for the process lifetime. */
    static void meterLoop(String cs) throws InterruptedException, IotHubClientException {
        DeviceClient meter = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        meter.open(true);
        while (true) {
            try {
                meter.sendEvent(new Message("{\"kwh\":" + Math.random() + "}"));
            } catch (IotHubClientException e) {
                // expect: IotHubOpenWithoutStatusGuard
                meter.open(false);
            }
            Thread.sleep(60_000);
        }
    }

    /** Battery sensor: connect, send, disconnect every 15 minutes. */
    static void dutyCycle(String cs) throws InterruptedException {
        DeviceClient sensor = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        for (;;) {
            try {
                sensor.open(false);
                sensor.sendEvent(new Message("{\"moisture\":" + Math.random() + "}"));
            } catch (IotHubClientException e) {
                System.err.println("cycle failed: " + e.getStatusCode());
            } finally {
                sensor.close();
            }
            Thread.sleep(15 * 60_000L);
        }
    }

    public static void main(String[] args) throws Exception {
        EdgeBootstrap boot = new EdgeBootstrap();
        DeviceClient device = openWithBackoff(args[0]);
        openModules(List.of(new AppModuleClient(args[1]), new AppModuleClient(args[2])));

        DeviceClient inventory = new DeviceClient(args[3], IotHubClientProtocol.HTTPS);
        try {
            inventory.open(false);
            inventory.sendEvent(new Message("{\"modules\":2}"));
        } finally {
            inventory.close();
        }

        int attempts = 0;
        while (true) {
            try {
                boot.module.open(true);
                break;
            } catch (IotHubClientException e) {
                boot.module.close();
                if (++attempts > 5) {
                    throw e;
                }
            }
        }
        device.sendEvent(new Message("{\"ready\":true}"));
    }
}
