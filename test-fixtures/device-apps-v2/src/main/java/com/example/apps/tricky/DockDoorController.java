package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Loading-dock door controller. The periodic jobs switch on the status the callback recorded. */
public class DockDoorController {
  private static final Logger LOG = Logger.getLogger(DockDoorController.class.getName());

  private final DeviceClient client;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private volatile IotHubConnectionStatus doorLink = IotHubConnectionStatus.DISCONNECTED;
  private volatile boolean running = true;

  public DockDoorController(String connectionString) {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
      @Override
      public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        doorLink = ctx.getNewStatus();
      }
    }, null);
  }

  public void start() throws IotHubClientException {
    client.open(false);
    jobs.scheduleWithFixedDelay(this::recoverLoop, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::reportAndRecover, 2, 2, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverBySwitchExpression, 3, 3, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverClassicSwitch, 4, 4, TimeUnit.MINUTES);
  }

  /** Keeps trying while the SDK reports the link as given up; leaves as soon as an open succeeds. */
  private void recoverLoop() {
    while (running && doorLink == IotHubConnectionStatus.DISCONNECTED) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
        break;
      } catch (IotHubClientException e) {
        LOG.warning("dock link still down: " + e.getMessage());
      }
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Any kind of outage counts here. */
  private void reportAndRecover() {
    switch (doorLink) {
      case DISCONNECTED_RETRYING, DISCONNECTED -> {
        try {
          // expect: IotHubOpenWithoutStatusGuard
          client.open(false);
        } catch (IotHubClientException e) {
          LOG.warning("report-and-recover failed: " + e.getMessage());
        }
      }
      case CONNECTED -> LOG.fine("dock link fine");
    }
  }

  /** The switch expression yields a log line; only the DISCONNECTED arm opens. */
  private void recoverBySwitchExpression() {
    String outcome = switch (doorLink) {
      case DISCONNECTED -> {
        try {
          client.open(false);
          yield "reopened";
        } catch (IotHubClientException e) {
          yield "still down: " + e.getMessage();
        }
      }
      case DISCONNECTED_RETRYING -> "SDK is retrying";
      case CONNECTED -> "online";
    };
    LOG.fine(outcome);
  }

  /** Old-style switch, one case per status. */
  private void recoverClassicSwitch() {
    switch (doorLink) {
      case DISCONNECTED:
        try {
          client.open(false);
        } catch (IotHubClientException e) {
          LOG.warning("classic recover failed: " + e.getMessage());
        }
        break;
      case DISCONNECTED_RETRYING:
        LOG.fine("waiting for the SDK");
        break;
      default:
        break;
    }
  }

  public void stop() {
    running = false;
    jobs.shutdownNow();
    client.close();
  }
}
