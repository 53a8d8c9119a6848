package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Telematics box of a tractor unit. Three identities: the tractor itself, the coupled trailer and the cab display.
 * Each has its own status callback, written by three different people.
 */
public class FleetTracker {
  private static final Logger LOG = Logger.getLogger(FleetTracker.class.getName());

  private final DeviceClient tractorClient;
  private final DeviceClient trailerClient;
  private final DeviceClient cabClient;
  private final ExecutorService reconnector = Executors.newSingleThreadExecutor();

  public FleetTracker(String tractor, String trailer, String cab) {
    tractorClient = new DeviceClient(tractor, IotHubClientProtocol.AMQPS);
    trailerClient = new DeviceClient(trailer, IotHubClientProtocol.AMQPS);
    cabClient = new DeviceClient(cab, IotHubClientProtocol.MQTT);
    tractorClient.setConnectionStatusChangeCallback(new TractorWatcher(this), null);
    trailerClient.setConnectionStatusChangeCallback(new TrailerWatcher(), null);
    cabClient.setConnectionStatusChangeCallback(this::onCabStatus, null);
  }

  public void start() throws IotHubClientException {
    tractorClient.open(false);
    trailerClient.open(false);
    cabClient.open(false);
  }

  /** Static nested callback: it is handed the tracker and calls back into it on the SDK's thread. */
  static final class TractorWatcher implements IotHubConnectionStatusChangeCallback {
    private final FleetTracker tracker;

    TractorWatcher(FleetTracker tracker) {
      this.tracker = tracker;
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
      // expect: IotHubReopenAfterClientClose
      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
        tracker.reconnectTractor();
      }
    }
  }

  /** Only TractorWatcher calls this. */
  void reconnectTractor() {
    // expect: IotHubReconnectOnCallbackThread
    tractorClient.close();
    try {
      // expect: IotHubReconnectOnCallbackThread
      tractorClient.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("tractor reconnect failed: " + e.getMessage());
    }
  }

  /** Inner callback: skips our own close and bad keys, hands everything else to the reconnect thread. */
  final class TrailerWatcher implements IotHubConnectionStatusChangeCallback {
    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
      if (ctx.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
        return;
      }
      switch (ctx.getNewStatusReason()) {
        case CLIENT_CLOSE:
          LOG.fine("trailer link closed by us");
          break;
        case BAD_CREDENTIAL:
          LOG.severe("trailer key revoked, not reconnecting");
          break;
        default:
          reconnector.execute(FleetTracker.this::reconnectTrailer);
          break;
      }
    }
  }

  private void reconnectTrailer() {
    trailerClient.close();
    try {
      trailerClient.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("trailer reconnect failed: " + e.getMessage());
    }
  }

  /** Method reference callback. The DISCONNECTED branch only logs; the retrying branch "helps" the SDK. */
  private void onCabStatus(ConnectionStatusChangeContext ctx) {
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
      LOG.warning("cab display link lost: " + ctx.getNewStatusReason());
    } else if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
      reconnector.execute(this::nudgeCab);
    }
  }

  private void nudgeCab() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      cabClient.open(false);
    } catch (IotHubClientException e) {
      LOG.fine("cab nudge failed: " + e.getMessage());
    }
  }

  public void stop() {
    reconnector.shutdownNow();
    tractorClient.close();
    trailerClient.close();
    cabClient.close();
  }
}
