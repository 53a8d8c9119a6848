package com.example.connectionstring.service;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;

/** Publishes one production line's counters; whoever builds it decides which device it is. */
public class TelemetryPublisher implements AutoCloseable {
  private final DeviceClient client;

  public TelemetryPublisher(String connectionString) throws URISyntaxException {
    // expect: IotHubConnectionStringInCode
    this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
  }

  public void start() throws IOException {
    client.open();
  }

  public void publish(String counters) {
    client.sendEventAsync(new Message(counters), null, null);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
