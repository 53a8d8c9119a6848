package com.example.replacement.oneshot;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/**
 * A receiver that connects on a thread its constructor starts once: the field's only store runs once per object,
 * so it never replaces a live client (the shape of a Raspberry Pi receiver found on real code). Quiet.
 */
public class CabinetReceiver {
  private DeviceClient client;

  public CabinetReceiver(String connectionString) {
    new Thread(() -> connect(connectionString), "cabinet-connect").start();
  }

  private void connect(String connectionString) {
    try {
      client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
      client.open(true);
    } catch (IotHubClientException e) {
      System.err.println("cabinet receiver could not connect: " + e.getMessage());
    }
  }

  public void stop() {
    if (client != null) {
      client.close();
    }
  }
}
