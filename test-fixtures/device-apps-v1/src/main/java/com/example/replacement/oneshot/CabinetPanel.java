package com.example.replacement.oneshot;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/**
 * The same connect, started from a Start button that can be pressed again after Stop: the second press replaces a
 * client the first one may still hold open.
 */
public class CabinetPanel {
  private DeviceClient client;

  public void onStartPressed(String connectionString) {
    new Thread(() -> {
      try {
        // expect: IotHubClientReplacedWithoutClose
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        client.open();
      } catch (Exception e) {
        System.err.println("cabinet panel could not connect: " + e.getMessage());
      }
    }).start();
  }

  public void onStopPressed() {
    new Thread(() -> {
      if (client != null) {
        try {
          client.closeNow();
        } catch (java.io.IOException e) {
          System.err.println("close failed: " + e.getMessage());
        }
      }
    }).start();
  }
}
