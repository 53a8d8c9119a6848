package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.io.IOException;

/** DPS-provisioned device: retry loops that create a new client on every attempt. */
public class ProvisionedDevice {
    private DeviceClient client;

    public void connect(String hubUri, String deviceId, SecurityProvider sp) throws InterruptedException {
        while (true) {
            try {
                client = new DeviceClient(hubUri, deviceId, sp, IotHubClientProtocol.MQTT);
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
                break;
            } catch (IOException | IotHubClientException e) {
                Thread.sleep(2000);
            }
        }
    }

    public void connectSafely(String hubUri, String deviceId, SecurityProvider sp) throws InterruptedException {
        while (true) {
            try {
                if (client != null) {
                    client.close();
                }
                client = new DeviceClient(hubUri, deviceId, sp, IotHubClientProtocol.MQTT);
                client.open(false);
                break;
            } catch (IOException | IotHubClientException e) {
                Thread.sleep(2000);
            }
        }
    }
}
