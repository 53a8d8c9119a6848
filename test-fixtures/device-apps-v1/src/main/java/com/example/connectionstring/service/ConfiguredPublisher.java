package com.example.connectionstring.service;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same service done right: the connection string comes from the environment or from a file the deployment mounts
 * (a Kubernetes secret, a Spring {@code @Value("${iothub.connection-string}")} property), never from the build.
 */
public final class ConfiguredPublisher {
  static final String SECRET_FILE = "/run/secrets/iothub-connection-string";

  private ConfiguredPublisher() {}

  static DeviceClient fromEnvironment() throws URISyntaxException {
    return new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"), IotHubClientProtocol.AMQPS);
  }

  static DeviceClient fromMountedSecret() throws IOException, URISyntaxException {
    return new DeviceClient(Files.readString(Path.of(SECRET_FILE)).strip(), IotHubClientProtocol.AMQPS);
  }
}
