package com.example.gateway;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Uplink for the battery-powered BLE tags: hundreds of leaf identities share one AMQP connection through a
 * {@link MultiplexingClient}.
 */
public class MultiplexedUplink {
  private static final Logger LOG = Logger.getLogger(MultiplexedUplink.class.getName());
  private static final int MAX_ATTEMPTS = 8;

  private final MultiplexingClient multiplexingClient;
  private final List<DeviceClient> tags = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private volatile IotHubConnectionStatus uplinkStatus = IotHubConnectionStatus.DISCONNECTED;

  public MultiplexedUplink(String hostName, List<String> tagConnectionStrings) {
    multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
    for (String connectionString : tagConnectionStrings) {
      tags.add(new DeviceClient(connectionString, IotHubClientProtocol.AMQPS));
    }
    multiplexingClient.setConnectionStatusChangeCallback(new UplinkStatusMonitor(this), null);
  }

  public void start() throws IotHubClientException, InterruptedException {
    multiplexingClient.registerDeviceClients(tags);
    connect(1);
  }

  /** Opens the shared connection, retrying with a growing pause. */
  private void connect(int attempt) throws InterruptedException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      multiplexingClient.open(false);
      LOG.info("uplink open with " + multiplexingClient.getRegisteredDeviceCount() + " tags");
    } catch (IotHubClientException e) {
      if (attempt >= MAX_ATTEMPTS) {
        throw new IllegalStateException("uplink unreachable after " + attempt + " attempts", e);
      }
      LOG.warning("uplink open failed (" + e.getStatusCode() + "), attempt " + attempt);
      Thread.sleep(1_000L << attempt);
      connect(attempt + 1);
    }
  }

  public void publish(int tagIndex, String json) {
    if (uplinkStatus != IotHubConnectionStatus.CONNECTED) {
      return;
    }
    tags.get(tagIndex).sendEventAsync(new Message(json), (message, exception, context) -> {
      if (exception != null) {
        LOG.fine("tag " + context + ": " + exception.getStatusCode());
      }
    }, tagIndex);
  }

  public void shutdown() {
    scheduler.shutdownNow();
    multiplexingClient.close();
  }

  /** Scheduler thread, after the SDK gave up on the shared connection. */
  private void reopen() {
    int attempt = 0;
    while (uplinkStatus == IotHubConnectionStatus.DISCONNECTED && attempt < MAX_ATTEMPTS) {
      attempt++;
      multiplexingClient.close();
      try {
        multiplexingClient.open(false);
        return;
      } catch (IotHubClientException e) {
        LOG.warning("uplink reopen attempt " + attempt + " failed: " + e.getStatusCode());
      }
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Watches the shared connection. Hands every reconnect to the scheduler. */
  static final class UplinkStatusMonitor implements IotHubConnectionStatusChangeCallback {
    private final MultiplexedUplink uplink;

    UplinkStatusMonitor(MultiplexedUplink uplink) {
      this.uplink = uplink;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
      uplink.uplinkStatus = context.getNewStatus();
      switch (context.getNewStatusReason()) {
        case CLIENT_CLOSE:
          LOG.info("uplink closed by us");
          break;
        case RETRY_EXPIRED:
        case COMMUNICATION_ERROR:
          if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
            LOG.warning("uplink lost, reopening in 10 s");
            uplink.scheduler.schedule(uplink::reopen, 10, TimeUnit.SECONDS);
          }
          break;
        default:
          LOG.info("uplink " + context.getNewStatus() + " (" + context.getNewStatusReason() + ")");
          break;
      }
    }
  }
}
