package com.example.android.scanneractivity;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The main screen of the handheld scanner app. The activity owns the IoT Hub client: it is created in onCreate,
 * opened when the screen comes to the front and closed when it goes away. Network calls never run on the UI thread;
 * they go to {@link #ioExecutor}. (Lifecycle methods are called by the framework; this is the plain-Java port used by
 * the JVM tests.)
 */
public class TelemetryActivity implements IotHubConnectionStatusChangeCallback {
  private static final String TAG = "TelemetryActivity";
  private static final long RECONNECT_DELAY_MS = 5_000;

  private final Handler mainHandler = new Handler();
  private final ExecutorService ioExecutor = Executors.newSingleThreadExecutor();
  private String connectionString;
  private DeviceClient client;
  private MessageCallback cloudToDeviceHandler;
  private volatile boolean connected;
  private volatile boolean destroyed;
  private String statusText = "offline";

  public void onCreate(String deviceConnectionString) {
    connectionString = deviceConnectionString;
    cloudToDeviceHandler =
        new MessageCallback() {
          @Override
          public IotHubMessageResult execute(Message message, Object context) {
            String command = new String(message.getBytes(), StandardCharsets.UTF_8).trim();
            log("cloud command: " + command);
            if ("sync".equals(command)) {
              mainHandler.post(TelemetryActivity.this::syncNow);
            } else if ("use-websockets".equals(command)) {
              mainHandler.post(TelemetryActivity.this::switchToWebSockets);
            }
            return IotHubMessageResult.COMPLETE;
          }
        };
    try {
      client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
      client.registerConnectionStatusChangeCallback(this, null);
      client.setMessageCallback(cloudToDeviceHandler, null);
    } catch (URISyntaxException e) {
      log("bad connection string: " + e.getMessage());
    }
  }

  public void onResume() {
    // connect in the background; the scanner often wakes up before Wi-Fi does
    ioExecutor.execute(
        () -> {
          int attempt = 0;
          while (!destroyed) {
            try {
              // expect: IotHubOpenWithoutStatusGuard
              client.open();
              break;
            } catch (IOException e) {
              attempt++;
              log("open failed (" + attempt + "): " + e.getMessage());
              sleep(Math.min(30_000, 2_000L * attempt));
            }
          }
        });
  }

  /** Called by the ConnectivityManager callback when Wi-Fi or mobile data comes back. */
  public void onNetworkAvailable() {
    ioExecutor.execute(this::connectIfNeeded);
  }

  private void connectIfNeeded() {
    if (connected) {
      return;
    }
    try {
      client.open();
    } catch (IOException e) {
      log("open after network change failed: " + e.getMessage());
    }
  }

  public void onPause() {
    ioExecutor.execute(
        () -> {
          try {
            client.closeNow();
          } catch (IOException e) {
            log("close on pause failed: " + e.getMessage());
          }
        });
  }

  public void onDestroy() {
    destroyed = true;
    ioExecutor.shutdown();
    try {
      client.closeNow();
    } catch (IOException e) {
      log("close on destroy failed: " + e.getMessage());
    }
  }

  @Override
  public void execute(
      IotHubConnectionStatus status,
      IotHubConnectionStatusChangeReason reason,
      Throwable throwable,
      Object callbackContext) {
    connected = status == IotHubConnectionStatus.CONNECTED;
    mainHandler.post(() -> showStatus(status + " (" + reason + ")"));
    // expect: IotHubReopenAfterClientClose
    if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
      log("SDK gave up, reconnecting in " + RECONNECT_DELAY_MS + " ms");
      mainHandler.postDelayed(this::reconnect, RECONNECT_DELAY_MS);
    }
  }

  private void reconnect() {
    try {
      client.closeNow();
      client.open();
    } catch (IOException e) {
      log("reconnect failed: " + e.getMessage());
    }
  }

  /** "sync" command from the back office: push the scan queue now. */
  private void syncNow() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open();
      client.sendEventAsync(new Message("{\"queued_scans\":0}"), null, null);
    } catch (IOException e) {
      log("sync failed: " + e.getMessage());
    }
  }

  /** "use-websockets" command: the site firewall blocks 8883, move to MQTT over 443. */
  private void switchToWebSockets() {
    try {
      // expect: IotHubClientReplacedWithoutClose
      client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
      client.registerConnectionStatusChangeCallback(this, null);
      client.setMessageCallback(cloudToDeviceHandler, null);
      client.open();
    } catch (URISyntaxException | IOException e) {
      log("switch to websockets failed: " + e.getMessage());
    }
  }

  private void showStatus(String text) {
    statusText = text;
    log("status banner: " + statusText);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void log(String message) {
    System.out.println(TAG + ": " + message);
  }
}
