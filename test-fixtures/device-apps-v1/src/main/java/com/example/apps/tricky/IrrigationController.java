package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Irrigation controller. The status callback maps the SDK status onto the app's own three-state model, which keeps
 * "the SDK is retrying" apart from "the link is down".
 */
public class IrrigationController {
  private static final Logger LOG = Logger.getLogger(IrrigationController.class.getName());

  private enum Uplink { ONLINE, SDK_RETRYING, DOWN }

  private final DeviceClient client;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
  private final Deque<String> pendingValveCommands = new ArrayDeque<>();
  private volatile Uplink uplink = Uplink.DOWN;

  public IrrigationController(String connectionString) throws URISyntaxException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.registerConnectionStatusChangeCallback(new UplinkListener(), null);
    client.setMessageCallback(this::onValveCommand, null);
  }

  public void start() throws IOException {
    client.open();
    jobs.scheduleWithFixedDelay(this::recoverIfDown, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(this::recoverIfOffline, 1, 1, TimeUnit.MINUTES);
  }

  private boolean isDown() {
    return uplink == Uplink.DOWN;
  }

  /** True while retrying too: the app's own model says so. */
  private boolean isOffline() {
    return uplink != Uplink.ONLINE;
  }

  private void recoverIfDown() {
    if (isDown()) {
      try {
        client.open();
      } catch (IOException e) {
        LOG.warning("recover failed: " + e.getMessage());
      }
    }
  }

  private void recoverIfOffline() {
    if (isOffline()) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
      } catch (IOException e) {
        LOG.warning("recover (offline) failed: " + e.getMessage());
      }
    }
  }

  /** Cloud-to-device valve command; SDK thread. The guard only decides whether to queue the command. */
  private IotHubMessageResult onValveCommand(Message message, Object context) {
    String command = new String(message.getBytes(), StandardCharsets.UTF_8);
    if (isDown()) {
      LOG.warning("uplink down, valve command queued: " + command);
      pendingValveCommands.add(command);
    }
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open();
    } catch (IOException e) {
      LOG.warning("could not make sure the uplink is open: " + e.getMessage());
    }
    return IotHubMessageResult.COMPLETE;
  }

  /** Inner class callback: bookkeeping only. */
  private final class UplinkListener implements IotHubConnectionStatusChangeCallback {
    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
      switch (status) {
        case CONNECTED:
          uplink = Uplink.ONLINE;
          break;
        case DISCONNECTED_RETRYING:
          uplink = Uplink.SDK_RETRYING;
          break;
        case DISCONNECTED:
          uplink = Uplink.DOWN;
          break;
        default:
          break;
      }
    }
  }

  public void stop() throws IOException {
    jobs.shutdownNow();
    client.closeNow();
  }
}
