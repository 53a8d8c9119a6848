package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Greenhouse climate node. Two-state link model (UP/DOWN) plus a flag the callback raises only when the SDK gives
 * up; the main loop and two periodic jobs act on them.
 */
public class GreenhouseNode {
  private static final Logger LOG = Logger.getLogger(GreenhouseNode.class.getName());

  private enum Link { UP, DOWN }

  private enum Health { HEALTHY, FAILED }

  private final DeviceClient client;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private volatile Link link = Link.DOWN;
  private volatile Health health = Health.FAILED;
  private volatile boolean reconnectNeeded;
  private volatile boolean sensorsChanged;
  private volatile boolean running = true;

  public GreenhouseNode(String connectionString) throws URISyntaxException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
      link = status == IotHubConnectionStatus.CONNECTED ? Link.UP : Link.DOWN;
      health = status == IotHubConnectionStatus.CONNECTED ? Health.HEALTHY : Health.FAILED;
      if (status == IotHubConnectionStatus.DISCONNECTED) {
        reconnectNeeded = true;
      }
    }, null);
  }

  public static void main(String[] args) throws Exception {
    GreenhouseNode node = new GreenhouseNode(args[0]);
    node.client.open();
    node.jobs.scheduleWithFixedDelay(node::checkLink, 1, 1, TimeUnit.MINUTES);
    node.jobs.scheduleWithFixedDelay(node::applySensorConfig, 5, 5, TimeUnit.MINUTES);
    node.jobs.scheduleWithFixedDelay(node::healthCheck, 2, 2, TimeUnit.MINUTES);
    node.mainLoop();
  }

  /** Main loop: keeps running after the first open; reopens once when the callback raised the flag. */
  private void mainLoop() throws InterruptedException {
    while (running) {
      if (reconnectNeeded) {
        reconnectNeeded = false;
        try {
          client.open();
        } catch (IOException e) {
          LOG.warning("reopen after disconnect failed, waiting for the next disconnect: " + e.getMessage());
        }
      }
      if (link == Link.UP) {
        client.sendEventAsync(new Message("{\"humidity\":" + (40 + Math.random() * 20) + "}"), null, null);
      }
      Thread.sleep(30_000);
    }
  }

  /** Two-state model: DOWN is the app's own "not connected". */
  private void checkLink() {
    if (running && link != Link.UP) {
      try {
        client.open();
      } catch (IOException e) {
        LOG.warning("link check open failed: " + e.getMessage());
      }
    }
  }

  /** New sensor layout: the twin must be re-read, so reconnect when the link is down or the layout changed. */
  private void applySensorConfig() {
    if (link == Link.DOWN || sensorsChanged) {
      sensorsChanged = false;
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
      } catch (IOException e) {
        LOG.warning("config reconnect failed: " + e.getMessage());
      }
    }
  }

  /** The dashboard's two-state health model, written by the same callback. */
  private void healthCheck() {
    if (health != Health.HEALTHY) {
      try {
        client.open();
      } catch (IOException e) {
        LOG.warning("health check open failed: " + e.getMessage());
      }
    }
  }

  public void onSensorsChanged() {
    sensorsChanged = true;
  }

  public void stop() throws IOException {
    running = false;
    jobs.shutdownNow();
    client.closeNow();
  }
}
