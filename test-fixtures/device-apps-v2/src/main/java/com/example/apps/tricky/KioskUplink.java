package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Self-service kiosk uplink. Reconnect work is prepared up front as Runnables (fields and locals) and handed to a
 * scheduler, a worker pool or a fresh thread later.
 */
public class KioskUplink {
  private static final Logger LOG = Logger.getLogger(KioskUplink.class.getName());

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final ThreadFactory reconnectThreads = Executors.defaultThreadFactory();
  private DeviceClient client;
  private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

  /** Scheduled every minute by start(): "make sure the kiosk is online". */
  private final Runnable keepAlive = () -> {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("keep-alive open failed: " + e.getMessage());
    }
  };

  /** Scheduled every five minutes: the same, but only once the SDK has given up. */
  private final Runnable watchdog = () -> {
    if (lastStatus == IotHubConnectionStatus.DISCONNECTED) {
      try {
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("watchdog open failed: " + e.getMessage());
      }
    }
  };

  public KioskUplink(String connectionString) {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.setConnectionStatusChangeCallback(this::onStatus, null);
  }

  public void start() throws IotHubClientException {
    client.open(false);
    scheduler.scheduleWithFixedDelay(keepAlive, 1, 1, TimeUnit.MINUTES);
    scheduler.scheduleWithFixedDelay(watchdog, 5, 5, TimeUnit.MINUTES);
  }

  /** SDK callback thread: records the status; a final disconnect is repaired on a thread of its own. */
  private void onStatus(ConnectionStatusChangeContext ctx) {
    lastStatus = ctx.getNewStatus();
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
      Runnable rebuild = this::closeAndReopen;
      Thread repairThread = reconnectThreads.newThread(rebuild);
      repairThread.start();
    }
  }

  /** Runs on the thread made by the ThreadFactory. */
  private void closeAndReopen() {
    client.close();
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("repair failed: " + e.getMessage());
    }
  }

  /** Console command "bounce": close, then open again, both off the console thread. */
  public void bounce() {
    CompletableFuture.runAsync(() -> client.close(), worker).thenRunAsync(this::openQuietly, worker);
  }

  private void openQuietly() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("bounce open failed: " + e.getMessage());
    }
  }

  /** Console command "reconnect": the work is kept in a local and given to a new thread. */
  public void reconnectFromConsole() {
    Runnable task = () -> reopenUnlessOnline();
    Thread consoleThread = new Thread(task, "console-reconnect");
    consoleThread.start();
  }

  private void reopenUnlessOnline() {
    if (lastStatus == IotHubConnectionStatus.CONNECTED) {
      LOG.info("already online");
      return;
    }
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("console reconnect failed: " + e.getMessage());
    }
  }

  public void stop() {
    scheduler.shutdownNow();
    worker.shutdownNow();
    client.close();
  }
}
