package corpus;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/** Pattern matching for switch and record patterns (Java 21+): compiled by the corpus test on JDK 21 and newer. */
public class OddPatterns {
  sealed interface Event permits StatusChanged, SendFailed, Tick {}

  record StatusChanged(DeviceClient client, IotHubConnectionStatus status) implements Event {}

  record SendFailed(DeviceClient client, Exception cause) implements Event {}

  record Tick(long millis) implements Event {}

  String describe(Object value) {
    return switch (value) {
      case StatusChanged changed when changed.status() == IotHubConnectionStatus.CONNECTED -> "up";
      case StatusChanged(DeviceClient client, IotHubConnectionStatus status) -> "now " + status;
      case SendFailed(var client, var cause) -> "failed: " + cause.getMessage();
      case String text -> text.strip();
      case null -> "nothing";
      default -> "unknown";
    };
  }

  void handle(Event event) throws IotHubClientException {
    switch (event) {
      case StatusChanged(DeviceClient client, IotHubConnectionStatus status)
          when status == IotHubConnectionStatus.DISCONNECTED -> {
        client.close();
        client.open(false);
      }
      case StatusChanged changed -> {}
      case SendFailed failed -> failed.client().close();
      case Tick tick -> {}
    }
  }
}
