package com.example.retry.util;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Small retry helpers shared by the device apps.
 *
 * <p>History: the first two helpers were ported from the 1.x firmware, where {@code open()} was documented as safe
 * to call again. {@link #openWithBackoff} is the one new code should use.
 */
public final class RetryHelper {
  private static final Logger LOG = Logger.getLogger(RetryHelper.class.getName());

  private RetryHelper() {}

  /** Something that may fail and is worth trying again. */
  @FunctionalInterface
  public interface Attempt {
    void run() throws Exception;
  }

  /** Exponential back-off for the given attempt (1-based), capped at {@code max}. */
  public static Duration backoff(int attempt, Duration base, Duration max) {
    long millis = base.toMillis() * (1L << Math.min(attempt - 1, 16));
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /** Sleeps, restoring the interrupt flag instead of throwing. Returns false when interrupted. */
  public static boolean sleepQuietly(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Opens {@code client}, trying up to {@code maxAttempts} times with a fixed delay.
   *
   * <p>Ported from the 1.x firmware as is.
   */
  public static void openWithRetry(DeviceClient client, int maxAttempts, Duration delay)
      throws IotHubClientException {
    int attempt = 0;
    while (true) {
      attempt++;
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
        return;
      } catch (IotHubClientException e) {
        if (attempt >= maxAttempts) {
          throw e;
        }
        LOG.log(Level.WARNING, "open attempt {0} failed ({1}), retrying", new Object[] {attempt, e.getStatusCode()});
        sleepQuietly(delay);
      }
    }
  }

  /**
   * Opens {@code client} with exponential back-off. A failed attempt can leave a half-built link behind, so it is
   * torn down before the next one.
   */
  public static void openWithBackoff(DeviceClient client, int maxAttempts) throws IotHubClientException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.open(false);
        LOG.fine(() -> "connected");
        return;
      } catch (IotHubClientException e) {
        client.close();
        if (attempt >= maxAttempts || !e.isRetryable()) {
          throw e;
        }
        LOG.warning("open failed (" + e.getStatusCode() + "), backing off");
        if (!sleepQuietly(backoff(attempt, Duration.ofSeconds(1), Duration.ofMinutes(1)))) {
          throw e;
        }
      }
    }
  }

  /**
   * Only for the factory test rig: the rig power-cycles the modem (and with it the whole link) between attempts.
   */
  @SuppressWarnings("IotHubOpenRetryWithoutClose") // reviewed with the rig owners, see TESTRIG-112
  public static void openForTestRig(DeviceClient client, int attempts) throws IotHubClientException {
    for (int i = 1; ; i++) {
      try {
        client.open(false);
        return;
      } catch (IotHubClientException e) {
        if (i >= attempts) {
          throw e;
        }
        LOG.info("test rig: attempt " + i + " failed, waiting for the modem power cycle");
        sleepQuietly(Duration.ofSeconds(20));
      }
    }
  }

  /**
   * Runs {@code attempt} until it succeeds, at most {@code maxAttempts} times. Returns whether it succeeded.
   */
  public static boolean retry(String what, int maxAttempts, Duration delay, Attempt attempt) {
    for (int i = 1; i <= maxAttempts; i++) {
      try {
        attempt.run();
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        LOG.log(Level.WARNING, what + " failed (attempt " + i + " of " + maxAttempts + ")", e);
        if (!sleepQuietly(delay)) {
          return false;
        }
      }
    }
    return false;
  }
}
