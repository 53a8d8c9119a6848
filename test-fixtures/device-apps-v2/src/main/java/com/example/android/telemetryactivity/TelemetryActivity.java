package com.example.android.telemetryactivity;

import android.os.Handler;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

/**
 * Main screen of the field-technician app: shows the live connection state of the paired device and streams the
 * phone's sensor readings under its identity.
 *
 * <p>Plain-Java rendition of the Android activity: the framework calls the lifecycle methods on the main thread;
 * network work goes to {@link #ioHandler}.
 */
public class TelemetryActivity implements IotHubConnectionStatusChangeCallback {
  private static final String TAG = "TelemetryActivity";

  private final Handler uiHandler = new Handler();
  private final Handler ioHandler = new Handler();
  private String connectionString;
  private DeviceClient deviceClient;
  private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;
  private volatile String statusText = "";

  public void onCreate(String provisionedConnectionString) {
    connectionString = provisionedConnectionString;
    deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
    deviceClient.setConnectionStatusChangeCallback(this, null);
    ioHandler.post(this::connectIfDisconnected);
  }

  public void onStart() {
    // Coming back after onDestroy released the client.
    ioHandler.post(() -> {
      if (deviceClient == null) {
        deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
        deviceClient.setConnectionStatusChangeCallback(this, null);
      }
    });
  }

  public void onResume() {
    // Make sure we're online whenever the screen is visible.
    ioHandler.post(() -> {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        deviceClient.open(false);
        uiHandler.post(() -> showStatus("online"));
      } catch (IotHubClientException e) {
        uiHandler.post(() -> showStatus("offline: " + e.getStatusCode()));
      }
    });
  }

  public void onPause() {
    // Keep the link while paused so queued readings still go out.
    log("paused, status " + connectionStatus);
  }

  public void onDestroy() {
    ioHandler.post(() -> {
      if (deviceClient != null) {
        deviceClient.close();
        deviceClient = null;
      }
    });
  }

  /** The technician scanned the QR code of another device. */
  public void onNewIntent(String scannedConnectionString) throws IotHubClientException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient deviceClient = new DeviceClient(scannedConnectionString, IotHubClientProtocol.MQTT_WS);
    deviceClient.setConnectionStatusChangeCallback(this, null);
    deviceClient.open(false);
    connectionString = scannedConnectionString;
    showStatus("paired with a new device");
  }

  /** ConnectivityManager.NetworkCallback#onAvailable: Wi-Fi or cellular is back. */
  public void onNetworkAvailable() {
    ioHandler.post(() -> {
      if (connectionStatus == IotHubConnectionStatus.DISCONNECTED) {
        for (int attempt = 1; attempt <= 3; attempt++) {
          try {
            // expect: IotHubOpenRetryWithoutClose
            deviceClient.open(false);
            break;
          } catch (IotHubClientException e) {
            log("open after network change failed, attempt " + attempt);
            sleepQuietly(attempt * 1_000L);
          }
        }
      }
    });
  }

  @Override
  public void onStatusChanged(ConnectionStatusChangeContext context) {
    connectionStatus = context.getNewStatus();
    uiHandler.post(() -> showStatus(context.getNewStatus().name()));
    switch (context.getNewStatus()) {
      case CONNECTED -> log("connected");
      case DISCONNECTED_RETRYING -> log("retrying: " + context.getNewStatusReason());
      // expect: IotHubReopenAfterClientClose
      case DISCONNECTED -> {
        if (context.getNewStatusReason() == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
          // The token ran out while the phone slept; a plain re-open picks up a fresh one.
          try {
            // expect: IotHubReconnectOnCallbackThread
            deviceClient.open(false);
          } catch (IotHubClientException e) {
            log("re-open after token expiry failed: " + e.getMessage());
          }
        } else {
          uiHandler.postDelayed(this::recreateClient, 3_000);
        }
      }
    }
  }

  private IotHubConnectionStatus getConnectionStatus() {
    return connectionStatus;
  }

  /** I/O thread. */
  private void connectIfDisconnected() {
    if (getConnectionStatus() != IotHubConnectionStatus.DISCONNECTED) {
      return;
    }
    try {
      deviceClient.open(false);
    } catch (IotHubClientException e) {
      uiHandler.post(() -> showStatus("offline: " + e.getStatusCode()));
    }
  }

  /** Main thread (uiHandler): a new client after the SDK gave up on the old one. */
  private void recreateClient() {
    // expect: IotHubClientReplacedWithoutClose
    deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.MQTT_WS);
    deviceClient.setConnectionStatusChangeCallback(this, null);
    ioHandler.post(this::connectIfDisconnected);
  }

  private void showStatus(String text) {
    statusText = text;
    log("status label: " + text);
  }

  private static void log(String message) {
    System.out.println(TAG + ": " + message);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
