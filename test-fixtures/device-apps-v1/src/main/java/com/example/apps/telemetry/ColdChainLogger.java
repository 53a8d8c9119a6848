package com.example.apps.telemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Cold-chain logger for the refrigerated trailers. Readings are buffered while the truck is in a dead zone and flushed
 * when the link is back. AMQP over WebSockets because some depots only let 443 out.
 */
public class ColdChainLogger {
  private static final Logger LOG = Logger.getLogger(ColdChainLogger.class.getName());
  private static final long MAX_BACKOFF_SECONDS = 300;

  private final DeviceClient client;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final Deque<String> buffer = new ArrayDeque<>();
  private volatile boolean online;
  private long backoffSeconds = 1;

  public ColdChainLogger(String connectionString) throws URISyntaxException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS_WS);
    client.registerConnectionStatusChangeCallback(
        (status, reason, throwable, context) -> {
          online = status == IotHubConnectionStatus.CONNECTED;
          LOG.info("link " + status + " (" + reason + "), " + buffer.size() + " readings buffered");
          // expect: IotHubReopenAfterClientClose
          if (status != IotHubConnectionStatus.CONNECTED) {
            // don't lose readings in a dead zone: get the link back right away
            try {
              // expect: IotHubOpenWithoutStatusGuard
              client.open();
            } catch (IOException e) {
              LOG.warning("re-open failed: " + e.getMessage());
            }
          }
        },
        null);
  }

  public static void main(String[] args) throws Exception {
    ColdChainLogger logger = new ColdChainLogger(args[0]);
    logger.start();
  }

  void start() {
    scheduler.execute(this::connectWithBackoff);
    scheduler.scheduleAtFixedRate(this::sample, 0, 60, TimeUnit.SECONDS);
  }

  private void connectWithBackoff() {
    if (online) {
      return;
    }
    try {
      // expect: IotHubOpenRetryWithoutClose
      client.open(false);
      backoffSeconds = 1;
      LOG.info("connected");
    } catch (IOException e) {
      backoffSeconds = Math.min(backoffSeconds * 2, MAX_BACKOFF_SECONDS);
      LOG.warning("connect failed, next try in " + backoffSeconds + " s: " + e.getMessage());
      scheduler.schedule(this::connectWithBackoff, backoffSeconds, TimeUnit.SECONDS);
    }
  }

  private synchronized void sample() {
    buffer.addLast("{\"reefer_c\":" + String.format("%.1f", -18 + Math.random()) + ",\"ts\":" + System.currentTimeMillis() + "}");
    if (!online) {
      return;
    }
    while (!buffer.isEmpty()) {
      client.sendEventAsync(new Message(buffer.pollFirst()), null, null);
    }
  }
}
