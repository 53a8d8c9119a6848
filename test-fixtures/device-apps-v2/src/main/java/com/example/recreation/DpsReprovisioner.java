package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.util.concurrent.*;

public class DpsReprovisioner {
    private DeviceClient client;
    private DeviceClient telemetry;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final SecurityProvider securityProvider;
    private final String deviceId;

    public DpsReprovisioner(SecurityProvider sp, String deviceId) {
        this.securityProvider = sp;
        this.deviceId = deviceId;
    }

    private String provision() { return "hub-" + deviceId + ".azure-devices.net"; }

    public void start() throws Exception {
        client = new DeviceClient(provision(), deviceId, securityProvider, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
                worker.submit(this::reprovision);
            }
        }, null);
        client.open(false);

        telemetry = new DeviceClient(provision(), deviceId, securityProvider, IotHubClientProtocol.MQTT);
        telemetry.setConnectionStatusChangeCallback(ctx -> {
            // expect: IotHubReopenAfterClientClose
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                worker.submit(() -> reprovisionTelemetry());
            }
        }, null);
        telemetry.open(false);
    }

    void reprovision() {
        try {
            String hub = provision();
            client.close();
            client = new DeviceClient(hub, deviceId, securityProvider, IotHubClientProtocol.AMQPS);
            client.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void reprovisionTelemetry() {
        try {
            String hub = provision();
            // expect: IotHubClientReplacedWithoutClose
            telemetry = new DeviceClient(hub, deviceId, securityProvider, IotHubClientProtocol.MQTT);
            telemetry.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }
}
