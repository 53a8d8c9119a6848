package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Parking-garage hub: one client per floor sensor bar plus the hub's own. Status callbacks get the client through
 * the callback context.
 */
public class ParkingSensorHub {
  private static final Logger LOG = Logger.getLogger(ParkingSensorHub.class.getName());

  private final Map<String, DeviceClient> floors = new ConcurrentHashMap<>();
  private final ExecutorService reconnects = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private final DeviceClient hub;
  private volatile IotHubConnectionStatus hubStatus = IotHubConnectionStatus.DISCONNECTED;

  public ParkingSensorHub(String hubConnectionString, Map<String, String> floorConnectionStrings) {
    hub = new DeviceClient(hubConnectionString, IotHubClientProtocol.AMQPS);
    hub.setConnectionStatusChangeCallback(this::onHubStatus, hub);
    for (Map.Entry<String, String> floor : floorConnectionStrings.entrySet()) {
      DeviceClient floorClient = new DeviceClient(floor.getValue(), IotHubClientProtocol.AMQPS);
      floorClient.setConnectionStatusChangeCallback(this::onFloorStatus, floorClient);
      floors.put(floor.getKey(), floorClient);
    }
  }

  public void start() throws IotHubClientException {
    hub.open(false);
    for (DeviceClient floorClient : floors.values()) {
      floorClient.open(false);
    }
    jobs.scheduleWithFixedDelay(this::hubWatchdog, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::hubWatchdogInverted, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::hubWatchdogLogOnly, 1, 1, TimeUnit.MINUTES);
  }

  /** Hub identity: a revoked key closes every client at once; outages are retried on the pool. */
  private void onHubStatus(ConnectionStatusChangeContext ctx) {
    hubStatus = ctx.getNewStatus();
    IotHubConnectionStatusChangeReason reason = ctx.getNewStatusReason();
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
      // expect: IotHubReconnectOnCallbackThread
      floors.values().forEach(floorClient -> floorClient.close());
      DeviceClient self = (DeviceClient) ctx.getCallbackContext();
      // expect: IotHubReconnectOnCallbackThread
      self.close();
      return;
    }
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && (reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED || reason == IotHubConnectionStatusChangeReason.COMMUNICATION_ERROR)) {
      reconnects.execute(this::reconnectHub);
    }
  }

  /** Floor bars: the reason switch falls through from CLIENT_CLOSE on purpose ("always come back"). */
  private void onFloorStatus(ConnectionStatusChangeContext ctx) {
    DeviceClient floorClient = (DeviceClient) ctx.getCallbackContext();
    // expect: IotHubReopenAfterClientClose
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
      switch (ctx.getNewStatusReason()) {
        case CLIENT_CLOSE:
          LOG.info("floor bar closed locally, bringing it back anyway");
          // fall through
        default:
          scheduleFloorReconnect(floorClient);
          break;
      }
    }
  }

  private void scheduleFloorReconnect(DeviceClient floorClient) {
    reconnects.execute(() -> reconnectFloor(floorClient));
  }

  private void reconnectFloor(DeviceClient floorClient) {
    floorClient.close();
    try {
      floorClient.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("floor reconnect failed: " + e.getMessage());
    }
  }

  private void reconnectHub() {
    hub.close();
    try {
      hub.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("hub reconnect failed: " + e.getMessage());
    }
  }

  /** The condition is computed into a local first. */
  private void hubWatchdog() {
    boolean gone = hubStatus == IotHubConnectionStatus.DISCONNECTED;
    if (gone) {
      try {
        hub.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("watchdog open failed: " + e.getMessage());
      }
    }
  }

  /** Negated comparison with an early exit. */
  private void hubWatchdogInverted() {
    if (!(hubStatus == IotHubConnectionStatus.DISCONNECTED)) {
      return;
    }
    try {
      hub.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("inverted watchdog open failed: " + e.getMessage());
    }
  }

  /** The != only decides about a log line; the open runs either way. */
  private void hubWatchdogLogOnly() {
    if (hubStatus != IotHubConnectionStatus.DISCONNECTED) {
      LOG.fine("hub status " + hubStatus);
    }
    try {
      // expect: IotHubOpenWithoutStatusGuard
      hub.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("log-only watchdog open failed: " + e.getMessage());
    }
  }

  public void stop() {
    jobs.shutdownNow();
    reconnects.shutdownNow();
    floors.values().forEach(DeviceClient::close);
    hub.close();
  }
}
