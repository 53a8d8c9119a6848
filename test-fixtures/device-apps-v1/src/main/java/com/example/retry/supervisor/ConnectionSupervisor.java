package com.example.retry.supervisor;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one device client connected for the lifetime of the process.
 *
 * <p>The SDK reconnects by itself while its retry policy allows it. When it gives up (DISCONNECTED with
 * RETRY_EXPIRED) we take over: close the client on a separate thread and open it again until it works. Our own view
 * of the link is kept in {@link LinkState}, guarded by {@link #stateLock}.
 */
public class ConnectionSupervisor implements IotHubConnectionStatusChangeCallback {
  private static final Logger LOG = Logger.getLogger(ConnectionSupervisor.class.getName());
  private static final long RETRY_PAUSE_MILLIS = 10_000;

  enum LinkState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED
  }

  private final Object stateLock = new Object();
  private final DeviceClient client;
  private volatile LinkState state = LinkState.DISCONNECTED;

  public ConnectionSupervisor(DeviceClient client) {
    this.client = client;
    this.client.registerConnectionStatusChangeCallback(this, null);
  }

  /** Connects, blocking until the link is up. Does nothing if we are already connecting or connected. */
  public void connect() {
    synchronized (stateLock) {
      if (state != LinkState.DISCONNECTED) {
        LOG.fine("connect() ignored, link is " + state);
        return;
      }
      state = LinkState.CONNECTING;
    }
    openUntilConnected();
  }

  private void openUntilConnected() {
    while (state == LinkState.CONNECTING) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
        synchronized (stateLock) {
          state = LinkState.CONNECTED;
        }
        LOG.info("device client connected");
        break;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "open failed, retrying in " + RETRY_PAUSE_MILLIS + " ms", e);
      }
      try {
        Thread.sleep(RETRY_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void execute(
      IotHubConnectionStatus status,
      IotHubConnectionStatusChangeReason reason,
      Throwable throwable,
      Object callbackContext) {
    LOG.info("status " + status + ", reason " + reason + (throwable == null ? "" : ", cause " + throwable));
    if (status == IotHubConnectionStatus.CONNECTED) {
      synchronized (stateLock) {
        state = LinkState.CONNECTED;
      }
    }
    if (sdkGaveUp(status, reason)) {
      synchronized (stateLock) {
        state = LinkState.CONNECTING;
      }
      new Thread(
              () -> {
                try {
                  client.closeNow();
                } catch (IOException e) {
                  LOG.log(Level.WARNING, "closeNow failed, trying to open anyway", e);
                }
                openUntilConnected();
              },
              "link-recovery")
          .start();
    }
  }

  /** The only case where the SDK stops retrying on its own and leaves the link to us. */
  private static boolean sdkGaveUp(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
    return status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED;
  }

  /** Closes the client for good (process shutdown). */
  public void disconnect() {
    synchronized (stateLock) {
      state = LinkState.DISCONNECTED;
    }
    try {
      client.closeNow();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closeNow failed during shutdown", e);
    }
  }
}
