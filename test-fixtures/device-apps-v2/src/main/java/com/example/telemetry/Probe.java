package com.example.telemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

public class Probe {
  public static void main(String[] args) throws InterruptedException {
    DeviceClient client = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
    while (true) {
      try {
        client.open(false);
        break;
      } catch (IotHubClientException e) {
        Thread.sleep(1000);
      }
    }
  }
}
