package com.example.telemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;

public class Probe {
  public static void main(String[] args) throws InterruptedException, URISyntaxException {
    DeviceClient client = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
    while (true) {
      try {
        client.open();
        break;
      } catch (IOException e) {
        Thread.sleep(1000);
      }
    }
  }
}
