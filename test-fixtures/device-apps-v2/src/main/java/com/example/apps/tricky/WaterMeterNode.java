package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Smart water meter. The callback maps the SDK status onto the meter's own link model (RECOVERING is the meter's
 * name for "the SDK is retrying") and remembers whether the hub rejected the key.
 */
public class WaterMeterNode {
  private static final Logger LOG = Logger.getLogger(WaterMeterNode.class.getName());

  private enum LinkState { ONLINE, RECOVERING, OFFLINE }

  private final DeviceClient client;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private volatile LinkState linkState = LinkState.OFFLINE;
  private volatile boolean keyRevoked;

  public WaterMeterNode(String connectionString) {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.setConnectionStatusChangeCallback(ctx -> {
      switch (ctx.getNewStatus()) {
        case CONNECTED -> linkState = LinkState.ONLINE;
        case DISCONNECTED_RETRYING -> linkState = LinkState.RECOVERING;
        case DISCONNECTED -> linkState = LinkState.OFFLINE;
      }
      keyRevoked = ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL;
    }, null);
  }

  public void start() throws IotHubClientException {
    client.open(false);
    jobs.scheduleWithFixedDelay(this::reopenIfOffline, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::reopenIfNotOnline, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::reopenUnlessKeyRevoked, 1, 1, TimeUnit.MINUTES);
  }

  private void reopenIfOffline() {
    if (linkState == LinkState.OFFLINE) {
      try {
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("reopen (offline) failed: " + e.getMessage());
      }
    }
  }

  /** RECOVERING counts as "not online" here, although the callback only writes it while the SDK retries. */
  private void reopenIfNotOnline() {
    if (linkState != LinkState.ONLINE) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("reopen (not online) failed: " + e.getMessage());
      }
    }
  }

  /** "Keep the link up unless the key is bad": says nothing about the link itself. */
  private void reopenUnlessKeyRevoked() {
    if (!keyRevoked) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("reopen (key ok) failed: " + e.getMessage());
      }
    }
  }

  public void stop() {
    jobs.shutdownNow();
    client.close();
  }
}
