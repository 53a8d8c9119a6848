package com.example.edge;

import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.Property;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.TwinPropertyCallBack;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IoT Edge module: receives sensor readings on "sensorInput", forwards those above the threshold to
 * "filteredOutput". The threshold and the transport can be changed through the module twin, and the link can be
 * restarted with the "restartLink" direct method.
 */
public class FilterModule {
  private static final Logger LOG = Logger.getLogger(FilterModule.class.getName());
  private static final String INPUT = "sensorInput";
  private static final String OUTPUT = "filteredOutput";

  private final ExecutorService linkWorker = Executors.newSingleThreadExecutor();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private ModuleClient moduleClient;
  private volatile boolean connected;
  private volatile double temperatureThreshold = 25.0;
  private long forwarded;

  public static void main(String[] args) throws Exception {
    FilterModule module = new FilterModule();
    module.start();
    Runtime.getRuntime().addShutdownHook(new Thread(module::stop, "filter-module-shutdown"));
    module.stopped.await();
  }

  void start() throws ModuleClientException, IOException, InterruptedException {
    moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
    registerCallbacks();
    openWithRetry();
    subscribe();
  }

  private void registerCallbacks() {
    moduleClient.registerConnectionStatusChangeCallback(new ModuleStatusWatcher(), null);
    moduleClient.setMessageCallback(INPUT, this::onInputMessage, null);
  }

  private void subscribe() throws IOException {
    moduleClient.subscribeToMethod(new MethodHandler(), null, this::onSubscribed, "methods");
    TwinPropertyCallBack twinCallback = this::onDesiredProperty;
    moduleClient.startTwin(this::onSubscribed, "twin", twinCallback, null);
  }

  /** edgeHub often starts after us; keep trying until it answers. */
  private void openWithRetry() throws InterruptedException {
    boolean opened = false;
    int attempt = 0;
    do {
      attempt++;
      try {
        // expect: IotHubOpenRetryWithoutClose
        moduleClient.open();
        opened = true;
      } catch (IOException e) {
        LOG.warning("edgeHub not reachable yet (attempt " + attempt + "): " + e.getMessage());
        Thread.sleep(Math.min(30_000, 1_000L * attempt));
      }
    } while (!opened);
    LOG.info("connected to edgeHub after " + attempt + " attempt(s)");
  }

  private IotHubMessageResult onInputMessage(Message message, Object context) {
    String body = new String(message.getBytes(), StandardCharsets.UTF_8);
    double temperature;
    try {
      temperature = Double.parseDouble(body.replaceAll("[^0-9.\\-]", ""));
    } catch (NumberFormatException e) {
      LOG.warning("dropping unreadable message: " + body);
      return IotHubMessageResult.REJECT;
    }
    if (temperature <= temperatureThreshold) {
      return IotHubMessageResult.COMPLETE;
    }
    Message out = new Message(message.getBytes());
    out.setProperty("alert", "temperature");
    moduleClient.sendEventAsync(out, this::onForwarded, ++forwarded, OUTPUT);
    return IotHubMessageResult.COMPLETE;
  }

  private void onForwarded(IotHubStatusCode status, Object context) {
    if (status == IotHubStatusCode.OK || status == IotHubStatusCode.OK_EMPTY) {
      return;
    }
    LOG.warning("message " + context + " not forwarded: " + status);
    if (status == IotHubStatusCode.ERROR || status == IotHubStatusCode.MESSAGE_CANCELLED_ONCLOSE) {
      // edgeHub restarted under us; get the module link back
      linkWorker.execute(
          () -> {
            try {
              // expect: IotHubOpenWithoutStatusGuard
              moduleClient.open();
            } catch (IOException e) {
              LOG.log(Level.WARNING, "re-open after failed forward did not work", e);
            }
          });
    }
  }

  private void onSubscribed(IotHubStatusCode status, Object context) {
    LOG.info(context + " subscription: " + status);
  }

  private void onDesiredProperty(Property property, Object context) {
    switch (property.getKey()) {
      case "temperatureThreshold":
        temperatureThreshold = ((Number) property.getValue()).doubleValue();
        LOG.info("threshold now " + temperatureThreshold);
        break;
      case "transport":
        IotHubClientProtocol protocol =
            "amqp".equalsIgnoreCase(String.valueOf(property.getValue()))
                ? IotHubClientProtocol.AMQPS
                : IotHubClientProtocol.MQTT;
        LOG.info("switching edgeHub transport to " + protocol);
        try {
          // expect: IotHubClientReplacedWithoutClose
          moduleClient = ModuleClient.createFromEnvironment(protocol);
          registerCallbacks();
          moduleClient.open();
        } catch (ModuleClientException | IOException e) {
          LOG.log(Level.SEVERE, "could not switch transport", e);
        }
        break;
      default:
        LOG.fine("ignoring desired property " + property.getKey());
    }
  }

  /** Tears the module link down and builds a new client from the environment. Runs on linkWorker. */
  private void restartLink() {
    LOG.info("restarting the edgeHub link");
    try {
      moduleClient.closeNow();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closeNow failed, building a new client anyway", e);
    }
    try {
      moduleClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
      registerCallbacks();
      moduleClient.open();
      subscribe();
    } catch (ModuleClientException | IOException e) {
      LOG.log(Level.SEVERE, "link restart failed", e);
    }
  }

  void stop() {
    linkWorker.shutdownNow();
    try {
      moduleClient.closeNow();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "close failed", e);
    } finally {
      stopped.countDown();
    }
  }

  private final class MethodHandler implements DeviceMethodCallback {
    @Override
    public DeviceMethodData call(String methodName, Object methodData, Object context) {
      if ("restartLink".equals(methodName)) {
        linkWorker.submit(FilterModule.this::restartLink);
        return new DeviceMethodData(200, "{\"result\":\"restarting\"}");
      }
      return new DeviceMethodData(404, "{\"error\":\"unknown method " + methodName + "\"}");
    }
  }

  private final class ModuleStatusWatcher implements IotHubConnectionStatusChangeCallback {
    @Override
    public void execute(
        IotHubConnectionStatus status,
        IotHubConnectionStatusChangeReason reason,
        Throwable throwable,
        Object context) {
      connected = status == IotHubConnectionStatus.CONNECTED;
      switch (status) {
        case CONNECTED:
          LOG.info("edgeHub link up");
          break;
        case DISCONNECTED_RETRYING:
          LOG.info("edgeHub link lost (" + reason + "), SDK is retrying");
          break;
        // expect: IotHubReopenAfterClientClose
        case DISCONNECTED:
          LOG.warning("edgeHub link down for good (" + reason + "), rebuilding the client");
          linkWorker.submit(FilterModule.this::restartLink);
          break;
        default:
          break;
      }
    }
  }

  boolean isConnected() {
    return connected;
  }
}
