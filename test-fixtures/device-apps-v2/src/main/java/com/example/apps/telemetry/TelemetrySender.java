package com.example.apps.telemetry;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Reads the boiler temperature probe and pushes a reading to IoT Hub every few seconds.
 *
 * <p>Two modes: streaming (default) and batch ({@code --batch}), where the device wakes up every 15 minutes and
 * flushes what it buffered. {@code --managed} hands the connection to {@link ReconnectManager} instead.
 */
public class TelemetrySender {
  private static final Logger LOG = Logger.getLogger(TelemetrySender.class.getName());
  private static final long SEND_INTERVAL_MS = 5_000;
  private static final long BATCH_INTERVAL_MS = 15 * 60_000L;

  private final String connectionString;
  private final Timer watchdogTimer = new Timer("telemetry-watchdog", true);
  private final Random probe = new Random();
  private final Deque<String> buffer = new ArrayDeque<>();
  private DeviceClient client;
  private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
  private volatile boolean running = true;

  public TelemetrySender(String connectionString) {
    this.connectionString = connectionString;
  }

  public static void main(String[] args) throws Exception {
    String connectionString = System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    String mode = args.length > 0 ? args[0] : "--stream";

    if ("--managed".equals(mode)) {
      ReconnectManager manager = new ReconnectManager(connectionString);
      DeviceClient managed = manager.connect();
      for (int i = 0; i < 100; i++) {
        managed.sendEvent(new Message("{\"seq\":" + i + "}"));
        Thread.sleep(SEND_INTERVAL_MS);
      }
      manager.shutdown();
      return;
    }

    TelemetrySender sender = new TelemetrySender(connectionString);
    sender.start();
    Runtime.getRuntime().addShutdownHook(new Thread(sender::stop, "telemetry-shutdown"));
    if ("--batch".equals(mode)) {
      sender.runBatchMode();
    } else {
      sender.runSendLoop();
    }
  }

  void start() throws InterruptedException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.setConnectionStatusChangeCallback(new StatusListener(), this);

    // The boiler room has flaky Wi-Fi after a power cut; keep trying until the hub takes us.
    boolean opened = false;
    int attempt = 0;
    do {
      attempt++;
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
        opened = true;
      } catch (IotHubClientException e) {
        LOG.warning("could not connect (attempt " + attempt + "): " + e.getMessage());
        Thread.sleep(Math.min(30_000L, 1_000L * attempt));
      }
    } while (!opened);

    startWatchdog();
  }

  /** Streaming mode: one reading every SEND_INTERVAL_MS. */
  void runSendLoop() throws InterruptedException {
    while (running) {
      Message reading = new Message(nextReading());
      reading.setContentType("application/json");
      try {
        client.sendEvent(reading);
      } catch (IotHubClientException e) {
        LOG.warning("send failed: " + e.getStatusCode());
        // Connection probably dropped - bring it back before the next reading.
        try {
          // expect: IotHubOpenWithoutStatusGuard
          client.open(false);
        } catch (IotHubClientException reopenFailure) {
          LOG.severe("re-open failed: " + reopenFailure.getMessage());
        }
      }
      Thread.sleep(SEND_INTERVAL_MS);
    }
  }

  /** Batch mode: wake up, make sure the link is up, flush the buffer, sleep again. */
  void runBatchMode() throws InterruptedException {
    while (running) {
      synchronized (buffer) {
        buffer.add(nextReading());
      }
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
        flushBuffer();
      } catch (IotHubClientException e) {
        LOG.warning("batch upload skipped: " + e.getMessage());
      }
      Thread.sleep(BATCH_INTERVAL_MS);
    }
  }

  /** Wired to the "reconnect" command of the local maintenance CLI. */
  void reconnectInBackground() {
    CompletableFuture.runAsync(() -> {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
        LOG.info("maintenance reconnect done");
      } catch (IotHubClientException e) {
        LOG.warning("maintenance reconnect failed: " + e.getMessage());
      }
    });
  }

  void stop() {
    running = false;
    watchdogTimer.cancel();
    if (client != null) {
      client.close();
    }
  }

  private void startWatchdog() {
    watchdogTimer.scheduleAtFixedRate(new TimerTask() {
      @Override
      public void run() {
        if (isDisconnected()) {
          LOG.info("watchdog: the SDK gave up on the link, re-opening");
          reopen();
        }
      }
    }, 60_000, 60_000);
  }

  private boolean isDisconnected() {
    return lastStatus == IotHubConnectionStatus.DISCONNECTED;
  }

  /** Only the watchdog calls this, and only after isDisconnected(). */
  private void reopen() {
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("watchdog re-open failed, next round in a minute: " + e.getMessage());
    }
  }

  private void flushBuffer() throws IotHubClientException, InterruptedException {
    synchronized (buffer) {
      while (!buffer.isEmpty()) {
        client.sendEvent(new Message(buffer.peekFirst()));
        buffer.removeFirst();
      }
    }
  }

  private String nextReading() {
    double celsius = 62.0 + probe.nextGaussian() * 1.5;
    return String.format(Locale.ROOT, "{\"boilerTemperature\":%.2f,\"ts\":%d}", celsius, System.currentTimeMillis());
  }

  /** Keeps {@link #lastStatus} current for the watchdog. */
  private final class StatusListener implements IotHubConnectionStatusChangeCallback {
    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
      lastStatus = context.getNewStatus();
      LOG.info("connection " + context.getPreviousStatus() + " -> " + context.getNewStatus()
          + " (" + context.getNewStatusReason() + ")");
      if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
          && context.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
        // The key was revoked: retrying will not help. Release the client so we stop hammering the hub.
        running = false;
        // expect: IotHubReconnectOnCallbackThread
        client.close();
      }
    }
  }
}
