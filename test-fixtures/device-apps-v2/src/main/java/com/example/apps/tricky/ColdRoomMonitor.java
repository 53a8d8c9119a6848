package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Cold-room monitor. The status callback keeps the link state in atomics; several periodic jobs, added over the
 * years, look at them before touching the client.
 */
public class ColdRoomMonitor {
  private static final Logger LOG = Logger.getLogger(ColdRoomMonitor.class.getName());

  private final DeviceClient client;
  private final ScheduledExecutorService jobs = Executors.newScheduledThreadPool(2);
  private final AtomicReference<IotHubConnectionStatus> status = new AtomicReference<>(IotHubConnectionStatus.DISCONNECTED);
  private final AtomicBoolean online = new AtomicBoolean();
  private volatile boolean running = true;
  private volatile boolean forceReconnect;

  public ColdRoomMonitor(String connectionString) {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.setConnectionStatusChangeCallback(ctx -> {
      status.set(ctx.getNewStatus());
      online.set(ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED);
      LOG.info("link " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
    }, null);
  }

  public void start() throws IotHubClientException {
    client.open(false);
    jobs.scheduleWithFixedDelay(this::recoverWhenDisconnected, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverWhenOffline, 2, 2, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverUnlessConnected, 3, 3, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverOrForce, 4, 4, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverWhileRunning, 5, 5, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverIfLost, 6, 6, TimeUnit.MINUTES);
    jobs.scheduleAtFixedRate(this::sample, 0, 30, TimeUnit.SECONDS);
    Thread waiter = new Thread(this::waitForGiveUpThenRecover, "cold-room-waiter");
    waiter.setDaemon(true);
    waiter.start();
  }

  /** The atomic holds the last status the callback saw. */
  private void recoverWhenDisconnected() {
    if (status.get() != IotHubConnectionStatus.DISCONNECTED) {
      return;
    }
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("recover failed: " + e.getMessage());
    }
  }

  /** The boolean twin of the same state, kept by the same callback. */
  private void recoverWhenOffline() {
    if (!online.get()) {
      try {
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("recover (offline) failed: " + e.getMessage());
      }
    }
  }

  /** Added during an incident: "anything but CONNECTED is bad". */
  private void recoverUnlessConnected() {
    if (status.get() != IotHubConnectionStatus.CONNECTED) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("recover (not connected) failed: " + e.getMessage());
      }
    }
  }

  /** Support sets this over the local maintenance API. */
  public void requestReconnect() {
    forceReconnect = true;
  }

  /** Forced reconnects skip the status check. */
  private void recoverOrForce() {
    if (status.get() == IotHubConnectionStatus.DISCONNECTED || forceReconnect) {
      forceReconnect = false;
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("forced recover failed: " + e.getMessage());
      }
    }
  }

  /** Both conditions must hold to get past the early exit. */
  private void recoverWhileRunning() {
    if (status.get() != IotHubConnectionStatus.DISCONNECTED || !running) {
      return;
    }
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("recover (running) failed: " + e.getMessage());
    }
  }

  /** Reads the atomic once, so that the log line and the answer agree. */
  private boolean linkLost() {
    IotHubConnectionStatus current = status.get();
    LOG.fine("link status " + current);
    return current == IotHubConnectionStatus.DISCONNECTED;
  }

  private void recoverIfLost() {
    if (linkLost()) {
      try {
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("recover (lost) failed: " + e.getMessage());
      }
    }
  }

  /** Dedicated thread: sleeps until the SDK has given up on the link, then reopens it. */
  private void waitForGiveUpThenRecover() {
    while (status.get() != IotHubConnectionStatus.DISCONNECTED) {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("recover after give-up failed: " + e.getMessage());
    }
  }

  private void sample() {
    if (online.get()) {
      client.sendEventAsync(new Message("{\"roomC\":" + (2 + Math.random()) + "}"), null, null);
    }
  }

  public void stop() {
    running = false;
    jobs.shutdownNow();
    client.close();
  }
}
