package com.example.apps.telemetry;

import com.example.retry.util.RetryHelper;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Timer;
import java.util.TimerTask;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Field unit telemetry sender: reads the temperature/humidity sensor every few seconds and sends it to IoT Hub over
 * MQTT. Reconnection after the SDK gives up is handled by {@link ReconnectManager}.
 *
 * <p>Usage: {@code TelemetrySender <device connection string> [diagnostics connection string]}
 */
public class TelemetrySender {
  private static final Logger LOG = Logger.getLogger(TelemetrySender.class.getName());
  private static final long WATCHDOG_PERIOD_MILLIS = 5 * 60_000;

  private final String connectionString;
  private final String diagnosticsConnectionString;
  private final DeviceClient client;
  private final ReconnectManager reconnectManager;
  private final Timer timer = new Timer("telemetry-timers", true);
  private final Random sensor = new Random();
  private final long sendIntervalMillis;
  private volatile boolean running = true;
  private int messageId;

  public TelemetrySender(String connectionString, String diagnosticsConnectionString, long sendIntervalMillis)
      throws URISyntaxException {
    this.connectionString = connectionString;
    this.diagnosticsConnectionString = diagnosticsConnectionString;
    this.sendIntervalMillis = sendIntervalMillis;
    this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    this.reconnectManager = new ReconnectManager(client);
    client.registerConnectionStatusChangeCallback(reconnectManager, null);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: TelemetrySender <connection string> [diagnostics connection string]");
      System.exit(1);
    }
    TelemetrySender sender = new TelemetrySender(args[0], args.length > 1 ? args[1] : null, 10_000);
    Runtime.getRuntime().addShutdownHook(new Thread(sender::stop, "telemetry-shutdown"));
    sender.start();
    sender.reportBoot(System.getProperty("reset.reason", "power-on"));
    sender.runLoop();
  }

  void start() throws IOException, InterruptedException {
    // the modem may still be attaching when we boot
    RetryHelper.openDeviceClient(client, 10, 3_000);
    startWatchdog();
    if (diagnosticsConnectionString != null) {
      startDiagnosticsUpload();
    }
  }

  /** Tells the backend we rebooted and why. */
  void reportBoot(String resetReason) throws IOException, URISyntaxException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.open();
    Message boot = new Message("{\"event\":\"boot\",\"reason\":\"" + resetReason + "\"}");
    boot.setProperty("type", "lifecycle");
    client.sendEventAsync(boot, (status, context) -> LOG.info("boot event: " + status), null);
  }

  void runLoop() throws InterruptedException {
    while (running) {
      try {
        // cheap insurance after a modem reset; open() on a connected client does nothing anyway
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "open failed, will try again next cycle", e);
      }
      sendReading();
      Thread.sleep(sendIntervalMillis);
    }
  }

  private void sendReading() {
    double temperature = 18 + sensor.nextGaussian() * 2;
    double humidity = 45 + sensor.nextGaussian() * 5;
    String json = String.format("{\"temperature\":%.2f,\"humidity\":%.1f}", temperature, humidity);
    Message message = new Message(json);
    message.setContentType("application/json");
    message.setMessageId(Integer.toString(++messageId));
    try {
      client.sendEventAsync(message, this::onSent, message.getMessageId());
    } catch (IllegalStateException e) {
      LOG.warning("telemetry dropped, client not open: " + e.getMessage());
    }
  }

  private void onSent(IotHubStatusCode status, Object context) {
    if (status != IotHubStatusCode.OK && status != IotHubStatusCode.OK_EMPTY) {
      LOG.warning("message " + context + " not acknowledged: " + status);
    }
  }

  /** Last resort in case the reconnect thread died: if we are still DISCONNECTED, open again. */
  private void startWatchdog() {
    timer.schedule(
        new TimerTask() {
          @Override
          public void run() {
            if (reconnectManager.getLastStatus() != IotHubConnectionStatus.DISCONNECTED) {
              return;
            }
            LOG.warning("watchdog: client still DISCONNECTED, opening");
            try {
              client.open();
            } catch (IOException e) {
              LOG.log(Level.WARNING, "watchdog open failed", e);
            }
          }
        },
        WATCHDOG_PERIOD_MILLIS,
        WATCHDOG_PERIOD_MILLIS);
  }

  /** Ships the local log file once an hour with the separate diagnostics identity over HTTPS. */
  private void startDiagnosticsUpload() {
    timer.schedule(
        new TimerTask() {
          @Override
          public void run() {
            try (DeviceClient diagnostics = new DeviceClient(diagnosticsConnectionString, IotHubClientProtocol.HTTPS)) {
              diagnostics.open();
              byte[] log = Files.readAllBytes(Path.of("/var/log/telemetry/current.log"));
              Message message = new Message(log);
              message.setProperty("type", "diagnostics");
              diagnostics.sendEventAsync(message, null, null);
            } catch (IOException | URISyntaxException e) {
              LOG.log(Level.WARNING, "diagnostics upload failed", e);
            }
          }
        },
        60_000,
        60 * 60_000);
  }

  void stop() {
    running = false;
    timer.cancel();
    reconnectManager.shutdown();
    try {
      client.closeNow();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "close failed", e);
    }
    System.out.println("telemetry sender stopped");
  }
}
