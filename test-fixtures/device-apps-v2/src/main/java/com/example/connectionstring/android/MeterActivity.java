package com.example.connectionstring.android;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.nio.charset.StandardCharsets;

/**
 * Companion app of a smart meter: reads the meter over Bluetooth and sends the readings to IoT Hub. The release build
 * bakes its connection string into BuildConfig, so every installed phone is the same device "meter-app".
 *
 * <p>Plain-Java rendition of the Android activity: the framework calls the lifecycle methods on the main thread.
 */
public class MeterActivity {
  private DeviceClient client;
  private String lastReading = "";

  public void onCreate() {
    client =
        new DeviceClient(
            // expect: IotHubConnectionStringInCode
            BuildConfig.IOT_CONNECTION_STRING, IotHubClientProtocol.MQTT_WS);
  }

  public void onStart() {
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      showError("offline: " + e.getStatusCode());
    }
  }

  public void onReading(String reading) {
    lastReading = reading;
    client.sendEventAsync(new Message(reading.getBytes(StandardCharsets.UTF_8)), null, null);
  }

  public void onDestroy() {
    client.close();
  }

  /** The debug flavour still carries the sample's placeholder: nothing real in it. */
  DeviceClient sampleClient() {
    return new DeviceClient(BuildConfig.IOT_SAMPLE_CONNECTION_STRING, IotHubClientProtocol.MQTT);
  }

  private void showError(String text) {
    System.err.println(text + " (last reading " + lastReading + ")");
  }
}
