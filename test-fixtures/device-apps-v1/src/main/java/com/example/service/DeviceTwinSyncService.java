package com.example.service;

import com.example.retry.util.RetryHelper;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Service bean of the building controller: reports the controller state every 30 s, sends a heartbeat every 10 s and
 * measures the round trip to the hub every 5 min. Wired by our small container: constructor, then {@link #init()},
 * then {@link #shutdown()} when the process stops.
 */
public class DeviceTwinSyncService {
  private static final Logger LOG = Logger.getLogger(DeviceTwinSyncService.class.getName());

  private final String connectionString;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private DeviceClient deviceClient;
  private volatile IotHubConnectionStatus connectionStatus = IotHubConnectionStatus.DISCONNECTED;
  private volatile String controllerState = "{}";

  public DeviceTwinSyncService(String connectionString) {
    this.connectionString = connectionString;
  }

  @PostConstruct
  public void init() throws URISyntaxException, IOException {
    deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    deviceClient.registerConnectionStatusChangeCallback(
        new IotHubConnectionStatusChangeCallback() {
          @Override
          public void execute(
              IotHubConnectionStatus status,
              IotHubConnectionStatusChangeReason reason,
              Throwable throwable,
              Object context) {
            connectionStatus = status;
            LOG.info("hub link " + status + " (" + reason + ")");
            if (status != IotHubConnectionStatus.DISCONNECTED) {
              return;
            }
            switch (reason) {
              case CLIENT_CLOSE:
                LOG.info("client closed by the service itself, not reconnecting");
                break;
              case BAD_CREDENTIAL:
                LOG.severe("credentials rejected by the hub, needs an operator");
                break;
              default:
                scheduler.schedule(DeviceTwinSyncService.this::recover, 5, TimeUnit.SECONDS);
                break;
            }
          }
        },
        null);
    deviceClient.open();
    scheduler.scheduleAtFixedRate(this::reportState, 30, 30, TimeUnit.SECONDS);
    scheduler.scheduleAtFixedRate(this::heartbeat, 10, 10, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(this::probeRoundTrip, 5, 5, TimeUnit.MINUTES);
  }

  public IotHubConnectionStatus getConnectionStatus() {
    return connectionStatus;
  }

  private boolean isLinkDown() {
    return connectionStatus == IotHubConnectionStatus.DISCONNECTED;
  }

  /** The SDK gave up: close and open again with back-off, off the callback thread. */
  private void recover() {
    try {
      boolean ok =
          RetryHelper.withBackoff(
              "reopen hub link",
              () -> {
                deviceClient.closeNow();
                deviceClient.open();
              },
              10,
              2_000);
      if (!ok) {
        LOG.severe("hub link could not be recovered, waiting for the next DISCONNECTED");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Scheduled(fixedRateSeconds = 30)
  public void reportState() {
    if (connectionStatus != IotHubConnectionStatus.CONNECTED) {
      LOG.info("link is " + connectionStatus + ", opening before reporting");
      try {
        // expect: IotHubOpenWithoutStatusGuard
        deviceClient.open();
      } catch (IOException e) {
        LOG.warning("state report skipped: " + e.getMessage());
        return;
      }
    }
    Message state = new Message(controllerState);
    state.setProperty("type", "controllerState");
    deviceClient.sendEventAsync(state, this::onStateDelivered, null);
  }

  @Scheduled(fixedRateSeconds = 10)
  public void heartbeat() {
    switch (getConnectionStatus()) {
      case CONNECTED -> sendHeartbeat();
      case DISCONNECTED_RETRYING -> LOG.fine("SDK is reconnecting, heartbeat skipped");
      case DISCONNECTED -> reopen();
    }
  }

  private void sendHeartbeat() {
    Message heartbeat = new Message("{\"hb\":" + System.currentTimeMillis() + "}");
    try {
      deviceClient.sendEventAsync(heartbeat, null, null);
    } catch (IllegalStateException e) {
      // "client is closed": open it and send once more
      try {
        // expect: IotHubOpenWithoutStatusGuard
        deviceClient.open();
        deviceClient.sendEventAsync(heartbeat, null, null);
      } catch (IOException ioe) {
        LOG.warning("heartbeat lost: " + ioe.getMessage());
      }
    }
  }

  private void reopen() {
    try {
      deviceClient.open();
    } catch (IOException e) {
      LOG.warning("reopen from heartbeat failed: " + e.getMessage());
    }
  }

  /** Measures the round trip over HTTPS, so ops can tell modem trouble from hub trouble. */
  @Scheduled(fixedDelaySeconds = 300)
  public void probeRoundTrip() {
    long started = System.nanoTime();
    try {
      // expect: IotHubClientReplacedWithoutClose
      DeviceClient probe = new DeviceClient(connectionString, IotHubClientProtocol.HTTPS);
      probe.open();
      probe.sendEventAsync(
          new Message("{\"probe\":true}"),
          (status, context) -> LOG.info("probe " + status + " after " + (System.nanoTime() - started) / 1_000_000 + " ms"),
          null);
      probe.closeNow();
    } catch (URISyntaxException | IOException e) {
      LOG.log(Level.WARNING, "round-trip probe failed", e);
    }
  }

  /** Used by the REST endpoint of the controller UI ("connect now" button). */
  public CompletableFuture<Void> ensureConnectedAsync() {
    return CompletableFuture.runAsync(
        () -> {
          synchronized (this) {
            if (deviceClient == null) {
              try {
                deviceClient = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
              } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
              }
            }
          }
          if (!isLinkDown()) {
            return;
          }
          try {
            deviceClient.open();
          } catch (IOException e) {
            throw new IllegalStateException("could not connect", e);
          }
        },
        scheduler);
  }

  private void onStateDelivered(IotHubStatusCode status, Object context) {
    if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
      LOG.warning("state report rejected: " + status);
    }
  }

  public void updateControllerState(String json) {
    controllerState = json;
  }

  @PreDestroy
  public void shutdown() {
    scheduler.shutdownNow();
    try {
      deviceClient.closeNow();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "close failed", e);
    }
  }
}
