package com.example.service;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Service bean that executes direct methods from the operations portal ("reboot", "reconnect", "ping"). Owns its own
 * MQTT client so that a stuck telemetry pipeline never blocks remote commands.
 */
public class CommandService {
  private static final Logger LOG = Logger.getLogger(CommandService.class.getName());
  private static final int MAX_CONNECT_ATTEMPTS = 8;

  private final String connectionString;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private DeviceClient client;
  private volatile IotHubConnectionStatus lastStatus;

  public CommandService(String connectionString) {
    this.connectionString = connectionString;
  }

  @PostConstruct
  public void init() throws URISyntaxException, IOException, InterruptedException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.registerConnectionStatusChangeCallback(this::onConnectionStatusChanged, null);
    connect(1);
    client.subscribeToDeviceMethod(
        this::onDirectMethod, null, (status, context) -> LOG.info("direct methods: " + status), null);
  }

  /** Opens the client, trying again with a growing pause; the hub may still be throttling us after a reboot. */
  private void connect(int attempt) throws InterruptedException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      client.open();
      LOG.info("command channel up after " + attempt + " attempt(s)");
    } catch (IOException e) {
      if (attempt >= MAX_CONNECT_ATTEMPTS) {
        throw new IllegalStateException("command channel could not connect", e);
      }
      LOG.warning("connect attempt " + attempt + " failed: " + e.getMessage());
      Thread.sleep(1_000L * attempt);
      connect(attempt + 1);
    }
  }

  private void onConnectionStatusChanged(
      IotHubConnectionStatus status,
      IotHubConnectionStatusChangeReason reason,
      Throwable throwable,
      Object context) {
    lastStatus = status;
    LOG.info("command channel " + status + " (" + reason + ")");
    // expect: IotHubReopenAfterClientClose
    if (status != IotHubConnectionStatus.DISCONNECTED) {
      return;
    }
    LOG.warning("SDK stopped retrying, recovering in 15 s");
    scheduler.schedule(this::recoverLink, 15, TimeUnit.SECONDS);
  }

  private void recoverLink() {
    try {
      if (client != null) {
        client.close();
      }
      client.open();
      LOG.info("command channel recovered");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "recovery failed", e);
    }
  }

  private DeviceMethodData onDirectMethod(String methodName, Object payload, Object context) {
    switch (methodName) {
      case "ping":
        return new DeviceMethodData(200, "{\"pong\":true,\"link\":\"" + lastStatus + "\"}");
      case "reconnect":
        scheduler.execute(this::recoverLink);
        return new DeviceMethodData(202, "{\"reconnecting\":true}");
      case "resync":
        boolean hard = payload != null && new String((byte[]) payload, StandardCharsets.UTF_8).contains("hard");
        scheduler.execute(() -> resync(hard));
        return new DeviceMethodData(202, "{\"resync\":\"" + (hard ? "hard" : "soft") + "\"}");
      case "reboot":
        scheduler.schedule(() -> LOG.warning("reboot requested (not on the bench)"), 1, TimeUnit.SECONDS);
        return new DeviceMethodData(202, "{\"rebooting\":true}");
      default:
        return new DeviceMethodData(404, "{\"error\":\"unknown method\"}");
    }
  }

  /** Soft resync just makes sure the channel is open; a hard one drops the MQTT session first. */
  private void resync(boolean hard) {
    try {
      if (hard) {
        client.closeNow();
      }
      // expect: IotHubOpenWithoutStatusGuard
      client.open();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "resync failed", e);
    }
  }

  @PreDestroy
  public void shutdown() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "close failed", e);
    }
    scheduler.shutdown();
  }
}
