package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.io.IOException;
import java.net.URISyntaxException;

/** DPS-provisioned device: retry loops that create a new client on every attempt. */
public class ProvisionedDevice {
    private DeviceClient client;

    public void connect(String hubUri, String deviceId, SecurityProvider sp) throws InterruptedException {
        while (true) {
            try {
                client = DeviceClient.createFromSecurityProvider(hubUri, deviceId, sp, IotHubClientProtocol.MQTT);
                // expect: IotHubOpenRetryWithoutClose
                client.open();
                break;
            } catch (URISyntaxException | IOException e) {
                Thread.sleep(2000);
            }
        }
    }

    public void connectSafely(String hubUri, String deviceId, SecurityProvider sp) throws InterruptedException {
        while (true) {
            try {
                if (client != null) {
                    client.closeNow();
                }
                client = DeviceClient.createFromSecurityProvider(hubUri, deviceId, sp, IotHubClientProtocol.MQTT);
                client.open();
                break;
            } catch (URISyntaxException | IOException e) {
                Thread.sleep(2000);
            }
        }
    }
}
