package com.example.edge;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IoT Edge module: reads temperature messages on "input1" and forwards the ones above the threshold (desired
 * property {@code threshold}) to "output1" as alerts.
 */
public class FilterModule {
  private static final Logger LOG = Logger.getLogger(FilterModule.class.getName());
  private static final String INPUT = "input1";
  private static final String OUTPUT = "output1";
  private static final Pattern TEMPERATURE = Pattern.compile("\"temperature\"\\s*:\\s*(-?[0-9.]+)");

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "module-worker"));
  private final Timer keepAliveTimer = new Timer("edge-keepalive", true);
  private ModuleClient client;
  private IotHubConnectionStatusChangeCallback statusHandler;
  private volatile IotHubClientProtocol protocol = IotHubClientProtocol.AMQPS;
  private volatile double threshold = 25.0;
  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

  public static void main(String[] args) throws Exception {
    FilterModule module = new FilterModule();
    module.start();
    new CountDownLatch(1).await(); // the Edge runtime stops the container
  }

  void start() throws IotHubClientException, InterruptedException {
    client = connectWithRetry();

    class EdgeStatusHandler implements IotHubConnectionStatusChangeCallback {
      @Override
      public void onStatusChanged(ConnectionStatusChangeContext context) {
        status = context.getNewStatus();
        IotHubConnectionStatusChangeReason reason = context.getNewStatusReason();
        LOG.info("edgeHub link " + status + " (" + reason + ")");
        if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
            && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
          // The SDK gave up (edgeHub restarted?). Rebuild the client on the worker, not on this thread.
          worker.execute(FilterModule.this::recreateClient);
        }
      }
    }

    statusHandler = new EdgeStatusHandler();
    client.setConnectionStatusChangeCallback(statusHandler, null);
    client.setMessageCallback(INPUT, this::onInputMessage, null);
    client.subscribeToMethods(this::onMethod, null);
    client.subscribeToDesiredProperties(this::onDesiredProperties, null);
    startKeepAlive();
  }

  /** edgeHub may still be starting when we come up; the workload API hands out fresh credentials per attempt. */
  private ModuleClient connectWithRetry() throws IotHubClientException, InterruptedException {
    ModuleClient candidate;
    for (int attempt = 1; ; attempt++) {
      candidate = ModuleClient.createFromEnvironment(new EdgeSocketChannel(), protocol);
      try {
        // expect: IotHubOpenRetryWithoutClose
        candidate.open(false);
        LOG.info("connected to edgeHub after " + attempt + " attempt(s)");
        return candidate;
      } catch (IotHubClientException e) {
        if (attempt >= 10) {
          throw e;
        }
        LOG.warning("edgeHub not ready (" + e.getStatusCode() + "), retrying");
        Thread.sleep(2_000L * attempt);
      }
    }
  }

  /** edgeHub restarts drop us now and then; open() does nothing while connected, so just poke it every minute. */
  private void startKeepAlive() {
    keepAliveTimer.schedule(new TimerTask() {
      @Override
      public void run() {
        try {
          // expect: IotHubOpenWithoutStatusGuard
          client.open(false);
        } catch (IotHubClientException e) {
          LOG.fine("keep-alive open failed: " + e.getMessage());
        }
      }
    }, 60_000, 60_000);
  }

  /** Worker thread, after the SDK gave up retrying. */
  private void recreateClient() {
    if (client != null) {
      client.close();
    }
    try {
      client = ModuleClient.createFromEnvironment(new EdgeSocketChannel(), protocol);
      client.setConnectionStatusChangeCallback(statusHandler, null);
      client.setMessageCallback(INPUT, this::onInputMessage, null);
      client.open(false);
      client.subscribeToMethods(this::onMethod, null);
    } catch (IotHubClientException e) {
      LOG.severe("could not rebuild the module client: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private DirectMethodResponse onMethod(String methodName, DirectMethodPayload payload, Object context) {
    switch (methodName) {
      case "reconnect":
        // Ops runbook: "if the module stops forwarding, invoke 'reconnect'".
        try {
          // expect: IotHubOpenWithoutStatusGuard
          client.open(false);
          return new DirectMethodResponse(200, "open requested");
        } catch (IotHubClientException e) {
          return new DirectMethodResponse(500, e.getMessage());
        }
      case "restart":
        worker.execute(this::restartConnection);
        return new DirectMethodResponse(202, "restarting");
      case "setThreshold":
        threshold = payload.getPayload(Double.class);
        return new DirectMethodResponse(200, threshold);
      default:
        return new DirectMethodResponse(404, "unknown method " + methodName);
    }
  }

  /** Worker thread: a full close-and-open cycle. */
  private void restartConnection() {
    client.close();
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("restart failed: " + e.getMessage());
    }
  }

  private void onDesiredProperties(Twin twin, Object context) {
    TwinCollection desired = twin.getDesiredProperties();
    if (desired.get("threshold") instanceof Number newThreshold) {
      threshold = newThreshold.doubleValue();
    }
    if (desired.get("transport") instanceof String transport && !protocol.name().equalsIgnoreCase(transport)) {
      protocol = IotHubClientProtocol.valueOf(transport.toUpperCase(Locale.ROOT));
      LOG.info("switching the upstream transport to " + protocol);
      try {
        // expect: IotHubClientReplacedWithoutClose
        client = ModuleClient.createFromEnvironment(new EdgeSocketChannel(), protocol);
        client.setConnectionStatusChangeCallback(statusHandler, null);
        client.setMessageCallback(INPUT, this::onInputMessage, null);
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.severe("transport switch failed: " + e.getMessage());
      }
    }
  }

  private IotHubMessageResult onInputMessage(Message message, Object context) {
    String body = new String(message.getBytes(), StandardCharsets.UTF_8);
    Matcher matcher = TEMPERATURE.matcher(body);
    if (!matcher.find()) {
      return IotHubMessageResult.REJECT;
    }
    double temperature = Double.parseDouble(matcher.group(1));
    if (temperature <= threshold) {
      return IotHubMessageResult.COMPLETE;
    }
    Message alert = new Message(message.getBytes());
    alert.setProperty("alert", "overheat");
    client.sendEventAsync(alert, this::onForwarded, message.getMessageId(), OUTPUT);
    return IotHubMessageResult.COMPLETE;
  }

  private void onForwarded(Message sent, IotHubClientException error, Object context) {
    if (error != null) {
      LOG.warning("alert for " + context + " not forwarded: " + error.getStatusCode());
    }
  }
}
