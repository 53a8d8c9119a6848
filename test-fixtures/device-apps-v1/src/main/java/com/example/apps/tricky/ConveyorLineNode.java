package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Conveyor-line node: the line's own identity, a spare identity for failover, and a quality-station relay. */
public class ConveyorLineNode {
  private static final Logger LOG = Logger.getLogger(ConveyorLineNode.class.getName());

  private final String connectionString;
  private final String spareConnectionString;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private DeviceClient client;
  private DeviceClient spare;
  private volatile boolean jammed;

  public ConveyorLineNode(String connectionString, String spareConnectionString) {
    this.connectionString = connectionString;
    this.spareConnectionString = spareConnectionString;
  }

  /** Boot. The local was meant to be the field. */
  public void init() throws IOException, URISyntaxException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setMessageCallback(this::onQualityReport, null);
    client.open();
  }

  /** Boot, the version that is actually used. */
  public void start() throws IOException, URISyntaxException, InterruptedException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setMessageCallback(this::onQualityReport, null);
    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
      // expect: IotHubReopenAfterClientClose
      if (status == IotHubConnectionStatus.DISCONNECTED) {
        worker.execute(this::failOverToSpare);
      }
      if (status == IotHubConnectionStatus.DISCONNECTED && !IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(reason)) {
        worker.execute(this::notifyMaintenance);
      }
    }, null);
    spare = new DeviceClient(spareConnectionString, IotHubClientProtocol.AMQPS);
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open();
        break;
      } catch (IOException e) {
        spare.closeNow();
        Thread.sleep(2_000);
      }
    }
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        spare.open();
        break;
      } catch (IOException e) {
        LOG.warning("spare open failed: " + e.getMessage());
      }
      spare.closeNow();
      Thread.sleep(2_000);
    }
    jobs.scheduleWithFixedDelay(this::unjamLink, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::bounceLink, 1, 1, TimeUnit.HOURS);
  }

  /** Worker: swap the spare in, closing the one it replaces. */
  private void failOverToSpare() {
    try {
      if (spare != null) {
        spare.closeNow();
      }
      spare = new DeviceClient(spareConnectionString, IotHubClientProtocol.AMQPS);
      spare.open();
    } catch (IOException | URISyntaxException e) {
      LOG.warning("fail-over failed: " + e.getMessage());
    }
  }

  private void notifyMaintenance() {
    LOG.warning("conveyor line lost its link");
  }

  /** Jam detector: closes only when the line is jammed, then opens either way. */
  private void unjamLink() {
    try {
      if (jammed) {
        client.closeNow();
      }
      // expect: IotHubOpenWithoutStatusGuard
      client.open();
    } catch (IOException e) {
      LOG.warning("unjam failed: " + e.getMessage());
    }
  }

  /** Hourly bounce through a helper that closes quietly. */
  private void bounceLink() {
    closeQuietly(client);
    try {
      client.open();
    } catch (IOException e) {
      LOG.warning("bounce failed: " + e.getMessage());
    }
  }

  private static void closeQuietly(DeviceClient c) {
    try {
      c.closeNow();
    } catch (IOException e) {
      LOG.fine("close: " + e.getMessage());
    }
  }

  /** Quality station report: forwarded under the station's own identity with a try-with-resources client. */
  private IotHubMessageResult onQualityReport(Message message, Object context) {
    String stationConnectionString = new String(message.getBytes(), StandardCharsets.UTF_8).split("\n", 2)[0];
    try (DeviceClient station = new DeviceClient(stationConnectionString, IotHubClientProtocol.MQTT)) {
      station.open();
      station.sendEventAsync(new Message(message.getBytes()), null, null);
      return IotHubMessageResult.COMPLETE;
    } catch (IOException | URISyntaxException e) {
      LOG.warning("quality relay failed: " + e.getMessage());
      return IotHubMessageResult.ABANDON;
    }
  }

  public void onJam(boolean isJammed) {
    jammed = isJammed;
  }
}
