package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Kiln controller (SDK 1.x). open() throws IOException here, so the code opens through small helpers. The session is
 * renewed with a new client every six hours; commands arrive as cloud-to-device messages.
 */
public class KilnController {
  private static final Logger LOG = Logger.getLogger(KilnController.class.getName());

  private final String connectionString;
  private final String snapshotConnectionString;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private volatile boolean keepSnapshotLinkOpen;
  private DeviceClient client;

  public KilnController(String connectionString, String snapshotConnectionString) throws URISyntaxException, IOException {
    this.connectionString = connectionString;
    this.snapshotConnectionString = snapshotConnectionString;
    this.client = connect(connectionString);
    client.setMessageCallback(this::onCommand, null);
    jobs.scheduleWithFixedDelay(this::renewSession, 6, 6, TimeUnit.HOURS);
  }

  /** Builds and opens a client. Static: it returns the client to the constructor, which stores it. */
  private static DeviceClient connect(String connectionString) throws URISyntaxException, IOException {
    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.open();
    return client;
  }

  private void openQuietly(DeviceClient target) {
    try {
      // not reported: contract v2 (b'): on this path the caller created the client just before
      target.open();
    } catch (IOException e) {
      LOG.warning("open failed: " + e.getMessage());
    }
  }

  /** Every six hours: a brand-new client with a fresh SAS token. The old one is just dropped. */
  private void renewSession() {
    try {
      // expect: IotHubClientReplacedWithoutClose
      client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
      client.setMessageCallback(this::onCommand, null);
      openQuietly(client);
    } catch (URISyntaxException e) {
      LOG.severe("bad connection string: " + e.getMessage());
    }
  }

  private IotHubMessageResult onCommand(Message message, Object context) {
    String command = new String(message.getBytes(), StandardCharsets.UTF_8).trim();
    try {
      if ("heartbeat".equals(command)) {
        heartbeatFromSecondIdentity();
      } else if ("snapshot".equals(command)) {
        uploadSnapshot();
      }
      return IotHubMessageResult.COMPLETE;
    } catch (IOException | URISyntaxException e) {
      LOG.warning("command " + command + " failed: " + e.getMessage());
      return IotHubMessageResult.ABANDON;
    }
  }

  /** Sends a heartbeat as the kiln's snapshot identity; the client is handed to the send helper and never closed. */
  private void heartbeatFromSecondIdentity() throws IOException, URISyntaxException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient second = new DeviceClient(snapshotConnectionString, IotHubClientProtocol.MQTT);
    second.open();
    sendHeartbeat(second);
  }

  private static void sendHeartbeat(DeviceClient target) {
    target.sendEventAsync(new Message("{\"heartbeat\":true}"), null, null);
  }

  /** Uploads a snapshot; the link is kept open afterwards when the operator asked for it, but not kept anywhere. */
  private void uploadSnapshot() throws IOException, URISyntaxException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient uploader = new DeviceClient(snapshotConnectionString, IotHubClientProtocol.MQTT);
    try {
      uploader.open();
      uploader.sendEventAsync(new Message("{\"kilnC\":1180}"), null, null);
    } finally {
      if (!keepSnapshotLinkOpen) {
        uploader.closeNow();
      }
    }
  }

  public void keepSnapshotLinkOpen(boolean keep) {
    keepSnapshotLinkOpen = keep;
  }

  public void stop() throws IOException {
    jobs.shutdownNow();
    client.closeNow();
  }
}
