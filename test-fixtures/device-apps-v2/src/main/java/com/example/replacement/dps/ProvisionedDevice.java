package com.example.replacement.dps;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProviderSymmetricKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Timer;
import java.util.TimerTask;

/** DPS (2.x): provision, then new DeviceClient(hubUri, deviceId, securityProvider, protocol). */
public class ProvisionedDevice {
    private final SecurityProvider securityProvider;
    private final Provisioner provisioner;
    private final Timer timer = new Timer(true);
    private DeviceClient deviceClient;

    public ProvisionedDevice(String registrationId, byte[] key, Provisioner provisioner) {
        this.securityProvider = new SecurityProviderSymmetricKey(key, registrationId);
        this.provisioner = provisioner;
    }

    public void start() throws IOException, IotHubClientException {
        Assignment a = provisioner.register(securityProvider);
        deviceClient = new DeviceClient(a.hub(), a.deviceId(), securityProvider, IotHubClientProtocol.MQTT);
        deviceClient.setMessageCallback(this::onC2d, null);
        deviceClient.open(false);
        // re-provision nightly in case the device was moved to another hub
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                reprovision();
            }
        }, 86_400_000L, 86_400_000L);
    }

    /** Timer: new hub assignment -> new client, the old one is left connected. */
    private void reprovision() {
        try {
            Assignment a = provisioner.register(securityProvider);
            // expect: IotHubClientReplacedWithoutClose
            deviceClient = new DeviceClient(a.hub(), a.deviceId(), securityProvider, IotHubClientProtocol.MQTT);
            deviceClient.setMessageCallback(this::onC2d, null);
            deviceClient.open(false);
        } catch (IOException | IotHubClientException e) {
            System.err.println("reprovision failed " + e);
        }
    }

    /** C2D "move": done properly on another thread, old client closed first. */
    private IotHubMessageResult onC2d(Message message, Object ctx) {
        if ("move".equals(new String(message.getBytes(), StandardCharsets.UTF_8))) {
            new Thread(() -> {
                try {
                    Assignment a = provisioner.register(securityProvider);
                    deviceClient.close();
                    deviceClient = new DeviceClient(a.hub(), a.deviceId(), securityProvider, IotHubClientProtocol.MQTT);
                    deviceClient.setMessageCallback(this::onC2d, null);
                    deviceClient.open(false);
                } catch (IOException | IotHubClientException e) {
                    System.err.println("move failed " + e);
                }
            }).start();
        }
        return IotHubMessageResult.COMPLETE;
    }

    public record Assignment(String hub, String deviceId) { }

    /** Wraps ProvisioningDeviceClient.registerDeviceSync (not on this classpath). */
    public interface Provisioner {
        Assignment register(SecurityProvider provider) throws IOException;
    }
}
