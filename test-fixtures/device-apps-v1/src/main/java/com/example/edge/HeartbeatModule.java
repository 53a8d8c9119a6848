package com.example.edge;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
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
 * Tiny module that tells the site dashboard the edge box is alive. Runs outside the IoT Edge runtime on the older
 * boxes, so it connects with a module connection string instead of createFromEnvironment().
 */
public class HeartbeatModule {
  private static final Logger LOG = Logger.getLogger(HeartbeatModule.class.getName());

  private final String connectionString;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private volatile IotHubConnectionStatus linkStatus = IotHubConnectionStatus.DISCONNECTED;
  private TracingModuleClient client;
  private long beats;

  public HeartbeatModule(String connectionString) {
    this.connectionString = connectionString;
  }

  public static void main(String[] args) throws Exception {
    new HeartbeatModule(System.getenv("MODULE_CONNECTION_STRING")).start();
  }

  void start() throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      TracingModuleClient candidate;
      try {
        candidate = new TracingModuleClient(connectionString, IotHubClientProtocol.AMQPS);
      } catch (ModuleClientException | URISyntaxException e) {
        throw new IllegalStateException("bad module connection string", e);
      }
      candidate.registerConnectionStatusChangeCallback(this::onLinkStatus, null);
      try {
        candidate.open(false);
        client = candidate;
        break;
      } catch (IOException e) {
        LOG.warning("heartbeat module could not connect (attempt " + attempt + "): " + e.getMessage());
        try {
          candidate.closeNow();
        } catch (IOException closeFailure) {
          LOG.log(Level.FINE, "closeNow after failed open", closeFailure);
        }
        Thread.sleep(Math.min(60_000, 2_000L * attempt));
      }
    }
    scheduler.scheduleAtFixedRate(this::beat, 0, 30, TimeUnit.SECONDS);
  }

  private void onLinkStatus(
      IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
    linkStatus = status;
    if (status.equals(IotHubConnectionStatus.DISCONNECTED)
        && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(reason)) {
      CompletableFuture.runAsync(this::reopen, scheduler);
    }
  }

  private void reopen() {
    try {
      client.closeNow();
      client.open(false);
      LOG.info("heartbeat link reopened");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "heartbeat link could not be reopened, waiting for the next DISCONNECTED", e);
    }
  }

  private void beat() {
    if (linkStatus != IotHubConnectionStatus.CONNECTED) {
      return;
    }
    Message beat = new Message("{\"beat\":" + (++beats) + "}");
    client.sendEventAsync(beat, null, null, "heartbeat");
  }
}
