package com.example.connectionstring.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;

/**
 * Start-up of line 7's publisher. The connection string was pasted here "for the demo" and shipped: every copy of the
 * service (two replicas, a blue/green deploy) is the device "line-7".
 */
public final class LineSeven {
  private static final String CONNECTION_STRING =
      "HostName=factory.azure-devices.net;DeviceId=line-7;"
          + "SharedAccessKey=TGlua0d1YXJkIGZpeHR1cmUga2V5LCBub3QgYSBzZWNyZXQ=";

  private LineSeven() {}

  public static void main(String[] args) throws IOException, URISyntaxException {
    TelemetryPublisher publisher = new TelemetryPublisher(CONNECTION_STRING);
    publisher.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        publisher.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }
}
