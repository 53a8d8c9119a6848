package com.example.service;

import com.example.retry.util.RetryHelper;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Publishes the greenhouse humidity readings. Managed by the device's service container: {@link #init()} after
 * construction, {@link #shutdown()} on exit; the periodic jobs run on the service's own scheduler.
 */
@Service
public class TelemetryService {
  private static final Logger LOG = Logger.getLogger(TelemetryService.class.getName());

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final Random sensor = new Random();
  private String connectionString;
  private DeviceClient client;
  private volatile boolean linkUp;
  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

  public TelemetryService(String connectionString) {
    this.connectionString = connectionString;
  }

  @OnStart
  public void init() {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
      @Override
      public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        status = ctx.getNewStatus();
        linkUp = ctx.getNewStatus() == IotHubConnectionStatus.CONNECTED;
        LOG.info("IoT Hub link: " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
        switch (ctx.getNewStatus()) {
          // expect: IotHubReopenAfterClientClose
          case DISCONNECTED_RETRYING, DISCONNECTED -> {
            // Lost the hub: get back on right away, the readings pile up otherwise.
            try {
              // expect: IotHubOpenWithoutStatusGuard
              client.open(false);
            } catch (IotHubClientException e) {
              LOG.warning("immediate reconnect failed: " + e.getMessage());
            }
          }
          default -> {
            // connected: nothing to do
          }
        }
      }
    }, null);

    scheduler.execute(this::connect);
    scheduler.scheduleAtFixedRate(this::publishReadings, 10, 10, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(this::ensureConnected, 60, 60, TimeUnit.SECONDS);
  }

  /** Scheduler thread. Re-schedules itself until the hub accepts us. */
  private void connect() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open(false);
      LOG.info("connected");
    } catch (IotHubClientException e) {
      LOG.warning("connect failed (" + e.getStatusCode() + "), retrying in 15 s");
      scheduler.schedule(this::connect, 15, TimeUnit.SECONDS);
    }
  }

  @Periodic(seconds = 10)
  void publishReadings() {
    String reading = String.format(Locale.ROOT, "{\"humidity\":%.1f}", 40 + sensor.nextDouble() * 20);
    try {
      client.sendEvent(new Message(reading));
    } catch (IotHubClientException e) {
      LOG.warning("send failed: " + e.getStatusCode());
      if (!linkUp) {
        // The callback already told us the link is down: bring it back before the next round.
        try {
          client.open(false);
        } catch (IotHubClientException reopenError) {
          LOG.fine("still offline");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Periodic(seconds = 60)
  void ensureConnected() {
    if (status != IotHubConnectionStatus.CONNECTED) {
      LOG.info("health check: link is " + status + ", reconnecting");
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("health-check reconnect failed: " + e.getMessage());
      }
    }
  }

  /** Admin endpoint (ops runbook step 3): cycle the connection. */
  public boolean forceReconnect() {
    return RetryHelper.retry("forced reconnect", 3, Duration.ofSeconds(5), () -> {
      client.close();
      client.open(false);
    });
  }

  /** Admin endpoint: the device was re-provisioned through DPS and has a new connection string. */
  public void applyNewConnectionString(String newConnectionString) throws IotHubClientException {
    connectionString = newConnectionString;
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient client = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
    client.open(false);
    LOG.info("now publishing under the re-provisioned identity");
  }

  @OnStop
  public void shutdown() {
    scheduler.shutdownNow();
    client.close();
  }
}
