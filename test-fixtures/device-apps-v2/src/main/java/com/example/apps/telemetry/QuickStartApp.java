package com.example.apps.telemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * The "getting started" app we hand to new hardware partners: connect, send ten readings, exit.
 *
 * <p>Usage: {@code java com.example.apps.telemetry.QuickStartApp "<device connection string>"}
 */
public final class QuickStartApp {
  private QuickStartApp() {}

  public static void main(String[] args) throws Exception {
    String connectionString = args.length > 0 ? args[0] : System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);

    client.setConnectionStatusChangeCallback(context -> {
      System.out.println("Connection status: " + context.getNewStatus() + " (" + context.getNewStatusReason() + ")");
      if (context.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
        return;
      }
      if (context.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
        return; // we closed it ourselves at the end of main
      }
      // The SDK has given up. Start over with a clean connection.
      // expect: IotHubReconnectOnCallbackThread
      client.close();
      try {
        // expect: IotHubReconnectOnCallbackThread
        client.open(false);
      } catch (IotHubClientException e) {
        System.err.println("Could not reconnect: " + e.getMessage());
      }
    }, null);

    client.open(false);
    for (int i = 0; i < 10; i++) {
      Message message = new Message("{\"sequence\":" + i + ",\"temperature\":" + (20 + i % 3) + "}");
      client.sendEventAsync(message, (sent, exception, callbackContext) -> {
        if (exception != null) {
          System.err.println("Message " + callbackContext + " failed: " + exception.getStatusCode());
        } else {
          System.out.println("Message " + callbackContext + " acknowledged");
        }
      }, i);
      Thread.sleep(1_000);
    }
    client.close();
    System.out.println("Done.");
  }
}
