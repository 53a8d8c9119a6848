package com.example.retry.util;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Small retry helpers shared by the device apps. Nothing fancy: fixed attempts, exponential back-off capped at a
 * minute.
 */
public final class RetryHelper {
  private static final Logger LOG = Logger.getLogger(RetryHelper.class.getName());
  private static final long MAX_DELAY_MILLIS = 60_000;

  /** Something that talks to the network and may fail. */
  @FunctionalInterface
  public interface IoAction {
    void run() throws Exception;
  }

  private RetryHelper() {}

  /**
   * Runs {@code action} until it succeeds, at most {@code maxAttempts} times, doubling the pause between attempts.
   *
   * @return true when an attempt succeeded
   */
  public static boolean withBackoff(String what, IoAction action, int maxAttempts, long initialDelayMillis)
      throws InterruptedException {
    long delay = initialDelayMillis;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        action.run();
        if (attempt > 1) {
          LOG.info(what + " succeeded on attempt " + attempt);
        }
        return true;
      } catch (Exception e) {
        LOG.log(Level.WARNING, what + " failed (attempt " + attempt + "/" + maxAttempts + ")", e);
        Thread.sleep(delay);
        delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
      }
    }
    return false;
  }

  /**
   * Opens a device client at start-up, retrying while the network comes up (DHCP, modem attach...). Written for the
   * first field units and used by the telemetry sender ever since.
   */
  public static void openDeviceClient(DeviceClient client, int maxAttempts, long delayMillis)
      throws IOException, InterruptedException {
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
        return;
      } catch (IOException e) {
        lastFailure = e;
        LOG.warning("open failed (attempt " + attempt + "): " + e.getMessage());
        Thread.sleep(delayMillis);
      }
    }
    throw new IOException("could not open the device client after " + maxAttempts + " attempts", lastFailure);
  }

  /**
   * Same as {@link #openDeviceClient} for edge modules, but closes the half-open link between attempts: older SDK
   * builds could keep the failed AMQP link around, and edgeHub then sees two links for the module.
   */
  public static void openModuleClient(ModuleClient client, int maxAttempts, long delayMillis)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.open();
        return;
      } catch (IOException e) {
        try {
          client.closeNow();
        } catch (IOException closeFailure) {
          LOG.fine("closeNow after failed open: " + closeFailure.getMessage());
        }
        if (attempt >= maxAttempts) {
          throw e;
        }
        LOG.warning("module open failed (attempt " + attempt + "), retrying in " + delayMillis + " ms");
        Thread.sleep(delayMillis);
      }
    }
  }
}
