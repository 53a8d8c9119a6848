package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Connection helpers used by the boot code of several device apps. Every method runs at start-up only. */
public final class BackoffConnector {
  private static final Logger LOG = Logger.getLogger(BackoffConnector.class.getName());

  private BackoffConnector() {}

  /** Unbounded exponential back-off; the half-open link of a failed attempt is left as it is. */
  public static void openWithBackoff(DeviceClient client) throws InterruptedException {
    long delayMs = 500;
    while (true) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
        return;
      } catch (IotHubClientException e) {
        LOG.warning("open failed, next try in " + delayMs + " ms: " + e.getStatusCode());
        Thread.sleep(delayMs);
        delayMs = Math.min(delayMs * 2, 60_000);
      }
    }
  }

  /** Bounded attempts; each failed attempt is torn down first. */
  public static boolean openWithAttempts(DeviceClient client, int maxAttempts) throws InterruptedException {
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        client.open(false);
        return true;
      } catch (IotHubClientException e) {
        client.close();
        LOG.warning("attempt " + attempt + " of " + maxAttempts + " failed: " + e.getStatusCode());
        Thread.sleep(1_000L * attempt);
      }
    }
    return false;
  }

  /** Recursion with a counter instead of a loop. */
  public static void openRecursively(DeviceClient client, int attempt) throws InterruptedException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      client.open(false);
    } catch (IotHubClientException e) {
      if (attempt >= 5) {
        throw new IllegalStateException("giving up after " + attempt + " attempts", e);
      }
      Thread.sleep(2_000L * attempt);
      openRecursively(client, attempt + 1);
    }
  }

  /** The same recursion for edge modules, closing the failed attempt first. */
  public static void openModuleRecursively(ModuleClient module, int attempt) throws InterruptedException {
    try {
      module.open(false);
    } catch (IotHubClientException e) {
      module.close();
      if (attempt >= 5) {
        throw new IllegalStateException("module did not connect", e);
      }
      Thread.sleep(2_000L * attempt);
      openModuleRecursively(module, attempt + 1);
    }
  }

  /** Builds a new client for every attempt (the old one might hold a stale token); the failed ones stay around. */
  public static DeviceClient connectFresh(String connectionString, int maxAttempts) throws InterruptedException {
    DeviceClient candidate = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      candidate = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
      try {
        // expect: IotHubOpenRetryWithoutClose
        candidate.open(false);
        return candidate;
      } catch (IotHubClientException e) {
        LOG.warning("fresh client attempt " + attempt + " failed: " + e.getStatusCode());
        Thread.sleep(2_000);
      }
    }
    throw new IllegalStateException("no connection after " + maxAttempts + " attempts");
  }

  /** The same with the failed client closed before the next one is built. */
  public static DeviceClient connectFreshClosing(String connectionString, int maxAttempts) throws InterruptedException {
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      DeviceClient candidate = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
      try {
        candidate.open(false);
        return candidate;
      } catch (IotHubClientException e) {
        candidate.close();
        Thread.sleep(2_000);
      }
    }
    throw new IllegalStateException("no connection after " + maxAttempts + " attempts");
  }

  /** Multiplexed gateway link: a flag ends the loop. */
  public static void openMultiplexed(MultiplexingClient mux) throws InterruptedException {
    boolean opened = false;
    int attempt = 0;
    while (!opened && attempt < 10) {
      attempt++;
      try {
        // expect: IotHubOpenRetryWithoutClose
        mux.open(false);
        opened = true;
      } catch (IotHubClientException e) {
        LOG.warning("multiplexed open failed: " + e.getStatusCode());
        Thread.sleep(3_000);
      }
    }
  }

  /** Multiplexed, with a finally that tears down every failed attempt. */
  public static void openMultiplexedClosing(MultiplexingClient mux) throws InterruptedException, IotHubClientException {
    for (int attempt = 1; ; attempt++) {
      boolean opened = false;
      try {
        mux.open(false);
        opened = true;
        return;
      } catch (IotHubClientException e) {
        if (attempt >= 5) {
          throw e;
        }
      } finally {
        if (!opened) {
          mux.close();
        }
      }
      Thread.sleep(3_000);
    }
  }

  /** Gives up (and only then tears the link down) on errors that retrying cannot fix. */
  public static void openUntilFatal(DeviceClient client) throws IotHubClientException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
        return;
      } catch (IotHubClientException e) {
        if (!e.isRetryable()) {
          client.close();
          throw e;
        }
        Thread.sleep(Math.min(60_000L, 1_000L << Math.min(attempt, 6)));
      }
    }
  }

  /** One attempt; a failed attempt is torn down before it reports false. */
  private static boolean tryConnect(DeviceClient client) {
    try {
      client.open(false);
      return true;
    } catch (IotHubClientException e) {
      client.close();
      return false;
    }
  }

  /** One attempt, as ported from the 1.x firmware: a failed attempt is left as it is. */
  private static boolean tryConnectKeepingState(DeviceClient client) {
    try {
      // expect: IotHubOpenRetryWithoutClose
      client.open(false);
      return true;
    } catch (IotHubClientException e) {
      return false;
    }
  }

  /** Polls until connected; every failed attempt was already torn down by tryConnect. */
  public static void connectPolling(DeviceClient client) throws InterruptedException {
    while (!tryConnect(client)) {
      Thread.sleep(5_000);
    }
  }

  /** The legacy poller. */
  public static void connectPollingLegacy(DeviceClient client) throws InterruptedException {
    while (!tryConnectKeepingState(client)) {
      Thread.sleep(5_000);
    }
  }

  /** Instance flavour: a failed open schedules itself again. */
  public static final class ScheduledConnector {
    private final DeviceClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public ScheduledConnector(DeviceClient client) {
      this.client = client;
    }

    public void connect() {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("connect failed, rescheduling: " + e.getStatusCode());
        timer.schedule(this::connect, 10, TimeUnit.SECONDS);
      }
    }
  }
}
