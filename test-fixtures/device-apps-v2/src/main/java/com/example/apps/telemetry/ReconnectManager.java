package com.example.apps.telemetry;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Owns the device's connection and brings it back when the SDK gives up.
 *
 * <p>Reconnects happen on {@link #reconnectExecutor}, never on the SDK's callback thread.
 */
public final class ReconnectManager {
  private static final Logger LOG = Logger.getLogger(ReconnectManager.class.getName());
  private static final long RETRY_DELAY_SECONDS = 10;

  private final String connectionString;
  private final ExecutorService reconnectExecutor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "iothub-reconnect"));
  private final ScheduledExecutorService retryScheduler = Executors.newSingleThreadScheduledExecutor();
  private volatile DeviceClient client;
  private volatile boolean shuttingDown;

  public ReconnectManager(String connectionString) {
    this.connectionString = connectionString;
  }

  /** Creates and opens the client. Call once. */
  public DeviceClient connect() throws IotHubClientException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(this::onStatusChanged, null);
    client.open(false);
    return client;
  }

  public void shutdown() {
    shuttingDown = true;
    reconnectExecutor.shutdownNow();
    retryScheduler.shutdownNow();
    client.close();
  }

  private void onStatusChanged(ConnectionStatusChangeContext context) {
    IotHubConnectionStatus status = context.getNewStatus();
    IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
    LOG.info("status " + status + ", reason " + reason);

    if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
      // A stale token is baked into the client: build a new one.
      reconnectExecutor.execute(this::rebuild);
      return;
    }
    // Don't reconnect while we are shutting down on purpose.
    // expect: IotHubReopenAfterClientClose
    if (status == IotHubConnectionStatus.DISCONNECTED && !shuttingDown) {
      reconnectExecutor.execute(this::reconnect);
    }
  }

  /** Runs on the reconnect thread. */
  private void reconnect() {
    client.close();
    try {
      client.open(false);
      LOG.info("reconnected");
    } catch (IotHubClientException e) {
      LOG.warning("reconnect failed (" + e.getStatusCode() + "), next try in " + RETRY_DELAY_SECONDS + "s");
      retryScheduler.schedule(this::reconnect, RETRY_DELAY_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Runs on the reconnect thread. */
  private void rebuild() {
    LOG.info("rebuilding the client with a fresh token");
    // expect: IotHubClientReplacedWithoutClose
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(this::onStatusChanged, null);
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("rebuilt client did not open: " + e.getMessage());
    }
  }
}
