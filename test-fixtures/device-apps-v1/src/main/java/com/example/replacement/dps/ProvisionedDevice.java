package com.example.replacement.dps;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProviderSymmetricKey;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** DPS symmetric-key device: provision, then DeviceClient.createFromSecurityProvider. */
public class ProvisionedDevice {
    private final SecurityProvider securityProvider;
    private final Provisioner provisioner;
    private DeviceClient deviceClient;

    public ProvisionedDevice(String registrationId, String key, Provisioner provisioner) {
        this.securityProvider = new SecurityProviderSymmetricKey(key.getBytes(StandardCharsets.UTF_8), registrationId);
        this.provisioner = provisioner;
    }

    /** Start-up: provision and connect. */
    public void start() throws IOException, URISyntaxException {
        Assignment a = provisioner.register(securityProvider);
        deviceClient = DeviceClient.createFromSecurityProvider(a.iotHubUri, a.deviceId, securityProvider, IotHubClientProtocol.MQTT);
        deviceClient.setMessageCallback(this::onC2d, null);
        deviceClient.open();
    }

    /** C2D "reprovision": the device moved hubs. */
    private IotHubMessageResult onC2d(Message message, Object ctx) {
        String cmd = new String(message.getBytes(), StandardCharsets.UTF_8);
        if ("reprovision".equals(cmd)) {
            new Thread(this::reprovision, "reprovision").start();
        } else if ("reprovision-clean".equals(cmd)) {
            new Thread(this::reprovisionClean, "reprovision").start();
        }
        return IotHubMessageResult.COMPLETE;
    }

    /** Reached from a thread started in the message callback: old hub connection stays up. */
    private void reprovision() {
        try {
            Assignment a = provisioner.register(securityProvider);
            // expect: IotHubClientReplacedWithoutClose
            deviceClient = DeviceClient.createFromSecurityProvider(a.iotHubUri, a.deviceId, securityProvider, IotHubClientProtocol.MQTT);
            deviceClient.setMessageCallback(this::onC2d, null);
            deviceClient.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println("reprovision failed " + e);
        }
    }

    /** Same, closing the old client first. */
    private void reprovisionClean() {
        try {
            Assignment a = provisioner.register(securityProvider);
            if (deviceClient != null) {
                deviceClient.closeNow();
            }
            deviceClient = DeviceClient.createFromSecurityProvider(a.iotHubUri, a.deviceId, securityProvider, IotHubClientProtocol.MQTT);
            deviceClient.setMessageCallback(this::onC2d, null);
            deviceClient.open();
        } catch (IOException | URISyntaxException e) {
            System.err.println("reprovision failed " + e);
        }
    }

    public static final class Assignment {
        final String iotHubUri;
        final String deviceId;

        public Assignment(String iotHubUri, String deviceId) {
            this.iotHubUri = iotHubUri;
            this.deviceId = deviceId;
        }
    }

    /** Wraps ProvisioningDeviceClient.registerDevice (not on this classpath). */
    public interface Provisioner {
        Assignment register(SecurityProvider provider) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        Provisioner p = sp -> new Assignment("myhub.azure-devices.net", "dev-01");
        new ProvisionedDevice(args[0], args[1], p).start();
    }
}
