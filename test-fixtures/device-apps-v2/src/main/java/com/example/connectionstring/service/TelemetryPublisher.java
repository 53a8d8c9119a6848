package com.example.connectionstring.service;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

/** Publishes one production line's counters; whoever builds it decides which device it is. */
public class TelemetryPublisher implements AutoCloseable {
  private final DeviceClient client;

  public TelemetryPublisher(String connectionString) {
    // expect: IotHubConnectionStringInCode
    this.client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
  }

  public void start() throws IotHubClientException {
    client.open(false);
  }

  public void publish(String counters) {
    client.sendEventAsync(new Message(counters), null, null);
  }

  @Override
  public void close() {
    client.close();
  }
}
