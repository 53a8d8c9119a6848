package com.example.codeshapes;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Start-up code only: main, a static init, an initializer block, enhanced-for over one client per device. */
public class LatchStartup {
    private static final CountDownLatch UP = new CountDownLatch(1);
    private static final List<DeviceClient> FLEET = new ArrayList<>();
    private static DeviceClient gateway;

    private final DeviceClient instanceClient;

    {
        instanceClient = new DeviceClient(Util.CS.replace("dev1", "inst"), IotHubClientProtocol.MQTT);
        try {
            instanceClient.open(true);
        } catch (IotHubClientException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        gateway = new DeviceClient(Util.CS, IotHubClientProtocol.AMQPS);
        gateway.setConnectionStatusChangeCallback(LatchStartup::onStatus, null);
        gateway.open(true);
        if (!UP.await(20, TimeUnit.SECONDS)) {
            gateway.close();
            return;
        }
        for (String id : args) {
            FLEET.add(new DeviceClient(Util.CS.replace("dev1", id), IotHubClientProtocol.AMQPS));
        }
        for (DeviceClient each : FLEET) {
            each.open(false);
        }
        startMux();
        new LatchStartup();
    }

    static void startMux() throws IotHubClientException {
        MultiplexingClient mux = new MultiplexingClient("hub.azure-devices.net", IotHubClientProtocol.AMQPS);
        mux.open(false);
    }

    private static void onStatus(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED) {
            UP.countDown();
        }
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            System.out.println("disconnected: " + ctx.getNewStatusReason() + ", was " + ctx.getPreviousStatus());
        }
    }
}
