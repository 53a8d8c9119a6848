package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.FileWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Start-up code: main, init, enhanced-for over one client per device, a latch for CONNECTED. */
public class LatchStartup {
    private static final CountDownLatch CONNECTED = new CountDownLatch(1);
    private static Writer auditLog;
    private static DeviceClient primary;

    public static void main(String[] args) throws Exception {
        auditLog = new FileWriter("audit.log");
        primary = new DeviceClient(Util.CS, IotHubClientProtocol.MQTT);
        primary.registerConnectionStatusChangeCallback(LatchStartup::onStatus, null);
        primary.open();
        if (!CONNECTED.await(30, TimeUnit.SECONDS)) {
            primary.closeNow();
            return;
        }

        List<DeviceClient> fleet = new ArrayList<>();
        for (String id : new String[] {"a", "b", "c"}) {
            fleet.add(new DeviceClient(Util.CS.replace("dev1", id), IotHubClientProtocol.AMQPS));
        }
        // one client per device: enhanced for is not a re-entry site
        for (DeviceClient c : fleet) {
            c.open();
        }
        init();
        ModuleClient module = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
        module.open();
    }

    static void init() throws Exception {
        DeviceClient extra = new DeviceClient(Util.CS.replace("dev1", "extra"), IotHubClientProtocol.HTTPS);
        extra.open(true);
    }

    /** Status callback via static method reference; closes only a log writer. */
    static void onStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object ctx) {
        if (status == IotHubConnectionStatus.CONNECTED) {
            CONNECTED.countDown();
        }
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            try {
                auditLog.write("disconnected: " + reason + "\n");
                auditLog.close();
            } catch (IOException e) {
                System.err.println(e);
            }
        }
    }
}
