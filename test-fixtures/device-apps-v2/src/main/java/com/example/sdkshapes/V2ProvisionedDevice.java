package com.example.sdkshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** 2.x DeviceClient built from a SecurityProvider; var locals that shadow the field or leak. */
public class V2ProvisionedDevice {
    private DeviceClient client;
    private final String hub;
    private final String deviceId;
    private final SecurityProvider provider;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    public V2ProvisionedDevice(String hub, String deviceId, SecurityProvider provider) {
        this.hub = hub;
        this.deviceId = deviceId;
        this.provider = provider;
    }

    public void connect() throws IOException, IotHubClientException {
        client = new DeviceClient(hub, deviceId, provider, IotHubClientProtocol.MQTT);
        client.open(false);
    }

    public void connectWrong() throws IOException, IotHubClientException {
        // expect: IotHubClientReplacedWithoutClose
        var client = new DeviceClient(hub, deviceId, provider, IotHubClientProtocol.MQTT);
        client.open(false);
    }

    public void probeAsync() {
        pool.execute(() -> {
            try {
                // expect: IotHubClientReplacedWithoutClose
                var probe = new DeviceClient(hub, deviceId, provider, IotHubClientProtocol.AMQPS);
                probe.open(false);
                probe.sendEvent(new Message("probe"));
            } catch (IOException | IotHubClientException | InterruptedException e) {
                System.err.println(e);
            }
        });
    }

    public void probeAsyncClosed() {
        pool.execute(() -> {
            DeviceClient probe = null;
            try {
                probe = new DeviceClient(hub, deviceId, provider, IotHubClientProtocol.AMQPS);
                probe.open(false);
                probe.sendEvent(new Message("probe"));
            } catch (IOException | IotHubClientException | InterruptedException e) {
                System.err.println(e);
            } finally {
                if (probe != null) {
                    probe.close();
                }
            }
        });
    }
}
