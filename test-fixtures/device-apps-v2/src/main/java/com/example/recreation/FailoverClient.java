package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.List;
import java.util.concurrent.*;

public class FailoverClient {
    private final String primary;
    private final String secondary;
    private DeviceClient active;
    private DeviceClient backup;
    private final ExecutorService exec = Executors.newSingleThreadExecutor();

    public FailoverClient(String primary, String secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    public void connectFirstReachable(List<String> hubs) throws Exception {
        for (String cs : hubs) {
            active = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            try {
                // expect: IotHubOpenRetryWithoutClose
                active.open(false);
                break;
            } catch (Exception e) {
                System.err.println("hub unreachable " + e);
            }
        }
    }

    public void connectFirstReachableClosing(List<String> hubs) throws Exception {
        for (String cs : hubs) {
            backup = new DeviceClient(cs, IotHubClientProtocol.MQTT);
            try {
                backup.open(false);
                break;
            } catch (Exception e) {
                try {
                    backup.close();
                } catch (Exception ignored) {
                    System.err.println(ignored);
                }
            }
        }
    }

    public void start() throws Exception {
        active = new DeviceClient(primary, IotHubClientProtocol.MQTT);
        active.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
                exec.submit(this::failover);
            }
        }, null);
        active.open(false);
    }

    void failover() {
        try {
            active.close();
            active = new DeviceClient(secondary, IotHubClientProtocol.MQTT);
            active.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    public void send(String payload) {
        try {
            active.sendEventAsync(new Message(payload), null, null);
        } catch (Exception e) {
            try {
                // expect: IotHubClientReplacedWithoutClose
                active = new DeviceClient(secondary, IotHubClientProtocol.MQTT);
                active.open(false);
            } catch (Exception again) {
                System.err.println(again);
            }
        }
    }
}
