package com.example.retry.supervisor;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProviderSymmetricKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long-running device app built on {@link ConnectionSupervisor}: connect once, then send a counter every few seconds
 * forever. Identity comes from DPS (symmetric key); pass the assigned hub, device id, registration id and key.
 */
public class SupervisedDeviceApp {
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: SupervisedDeviceApp <assigned hub> <device id> <registration id> <symmetric key>");
      System.exit(2);
    }
    SecurityProvider securityProvider =
        new SecurityProviderSymmetricKey(args[3].getBytes(StandardCharsets.UTF_8), args[2]);
    DeviceClient client =
        DeviceClient.createFromSecurityProvider(args[0], args[1], securityProvider, IotHubClientProtocol.AMQPS);
    ConnectionSupervisor supervisor = new ConnectionSupervisor(client);
    Runtime.getRuntime().addShutdownHook(new Thread(supervisor::disconnect, "supervisor-shutdown"));

    supervisor.connect();

    AtomicInteger acknowledged = new AtomicInteger();
    for (int i = 0; ; i++) {
      Message message = new Message("{\"counter\":" + i + "}");
      try {
        client.sendEventAsync(message, (status, context) -> acknowledged.incrementAndGet(), i);
      } catch (IllegalStateException e) {
        // the supervisor is reconnecting; drop this one
        System.out.println("message " + i + " dropped: " + e.getMessage());
      }
      if (i % 100 == 0) {
        System.out.println(acknowledged.get() + " of " + (i + 1) + " messages acknowledged");
      }
      Thread.sleep(5_000);
    }
  }
}
