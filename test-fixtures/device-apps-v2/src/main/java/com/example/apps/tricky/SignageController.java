package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.MethodCallback;
import java.util.logging.Logger;

/**
 * Digital signage controller. {@link #start()} is the boot path, and the "restart" direct method calls it again; the
 * "refresh" desired property makes the player reconnect with a clean link.
 */
public class SignageController {
  private static final Logger LOG = Logger.getLogger(SignageController.class.getName());

  private final DeviceClient client;

  public SignageController(String connectionString) {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
  }

  public static void main(String[] args) throws Exception {
    SignageController controller = new SignageController(args[0]);
    controller.start();
    controller.client.subscribeToMethods(controller.new Methods(), null);
    controller.client.subscribeToDesiredProperties((twin, context) -> controller.refresh(), null);
  }

  /** Boot, and "restart". */
  void start() throws IotHubClientException {
    // expect: IotHubOpenWithoutStatusGuard
    client.open(false);
    LOG.info("signage online");
  }

  /** Desired-property change: reconnect with a clean link. */
  void refresh() {
    client.close();
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("refresh reconnect failed: " + e.getMessage());
    }
  }

  /** Direct methods, as a named inner class. */
  final class Methods implements MethodCallback {
    @Override
    public DirectMethodResponse onMethodInvoked(String methodName, DirectMethodPayload payload, Object context) {
      if (!"restart".equals(methodName)) {
        return new DirectMethodResponse(404, null);
      }
      try {
        start();
        return new DirectMethodResponse(200, null);
      } catch (IotHubClientException e) {
        return new DirectMethodResponse(500, e.getMessage());
      }
    }
  }
}
