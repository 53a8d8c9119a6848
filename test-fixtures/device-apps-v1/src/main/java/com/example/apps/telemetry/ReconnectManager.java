package com.example.apps.telemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the connection status of the telemetry client. While the SDK is retrying we keep our hands off; once it
 * reports DISCONNECTED (its retry policy gave up) we take over on our own thread: close, then open again with a
 * back-off, until the link is back.
 */
public class ReconnectManager implements IotHubConnectionStatusChangeCallback {
  private static final Logger LOG = Logger.getLogger(ReconnectManager.class.getName());
  private static final long MAX_BACKOFF_MILLIS = 60_000;

  private final DeviceClient client;
  private final ExecutorService reconnectThread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "iothub-reconnect");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

  public ReconnectManager(DeviceClient client) {
    this.client = client;
  }

  public IotHubConnectionStatus getLastStatus() {
    return lastStatus;
  }

  @Override
  public void execute(
      IotHubConnectionStatus status,
      IotHubConnectionStatusChangeReason reason,
      Throwable throwable,
      Object callbackContext) {
    lastStatus = status;
    if (throwable != null) {
      LOG.log(Level.INFO, "connection status " + status + " (" + reason + ")", throwable);
    } else {
      LOG.info("connection status " + status + " (" + reason + ")");
    }
    // Only DISCONNECTED is ours to handle, and not when we closed the client ourselves.
    if (status == IotHubConnectionStatus.DISCONNECTED && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
      if (reconnecting.compareAndSet(false, true)) {
        reconnectThread.submit(this::reconnect);
      }
    }
  }

  private void reconnect() {
    long delay = 1_000;
    try {
      while (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
        try {
          client.closeNow();
          client.open();
          LOG.info("reconnected to IoT Hub");
          break;
        } catch (IOException e) {
          LOG.warning("reconnect failed, next attempt in " + delay + " ms: " + e.getMessage());
          Thread.sleep(delay);
          delay = Math.min(delay * 2, MAX_BACKOFF_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      reconnecting.set(false);
    }
  }

  public void shutdown() {
    reconnectThread.shutdownNow();
  }
}
