package com.example.apps.telemetry;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProviderSymmetricKey;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Telemetry node for the solar sites that only have LTE. The modem drops its bearer a few times a day and comes back
 * with a new address; the MQTT socket is dead by then, so we rebuild the client ourselves instead of waiting for
 * keep-alive to notice.
 *
 * <p>The node was provisioned through DPS (symmetric key); the assigned hub and device id are in /etc/iot/device.conf.
 */
public class CellularTelemetryNode {
  private static final Logger LOG = Logger.getLogger(CellularTelemetryNode.class.getName());
  private static final Path OPERSTATE = Path.of("/sys/class/net/wwan0/operstate");
  private static final int MAX_REBIND_ATTEMPTS = 5;

  private final String assignedHub;
  private final String deviceId;
  private final SecurityProvider securityProvider;
  private final ExecutorService networkEvents = Executors.newSingleThreadExecutor();
  private DeviceClient client;
  private IotHubConnectionStatusChangeCallback linkCallback;
  private volatile boolean uplinkHealthy;
  private volatile boolean running = true;
  private String lastOperState = "unknown";

  public CellularTelemetryNode(String assignedHub, String deviceId, String registrationId, String symmetricKey) {
    this.assignedHub = assignedHub;
    this.deviceId = deviceId;
    this.securityProvider =
        new SecurityProviderSymmetricKey(symmetricKey.getBytes(StandardCharsets.UTF_8), registrationId);
  }

  public static void main(String[] args) throws Exception {
    CellularTelemetryNode node = new CellularTelemetryNode(args[0], args[1], args[2], args[3]);
    node.start();
    node.run();
  }

  void start() throws IOException, URISyntaxException {
    class LinkCallback implements IotHubConnectionStatusChangeCallback {
      @Override
      public void execute(
          IotHubConnectionStatus status,
          IotHubConnectionStatusChangeReason reason,
          Throwable throwable,
          Object context) {
        LOG.info("link " + status + " / " + reason);
        if (status != IotHubConnectionStatus.DISCONNECTED || reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
          return;
        }
        // the modem usually re-attached long before the SDK's retry window ends; kick the link right now
        try {
          // expect: IotHubReconnectOnCallbackThread
          client.closeNow();
          // expect: IotHubReconnectOnCallbackThread
          client.open();
        } catch (IOException e) {
          LOG.log(Level.WARNING, "could not re-open from the status callback", e);
        }
      }
    }
    linkCallback = new LinkCallback();
    client = DeviceClient.createFromSecurityProvider(assignedHub, deviceId, securityProvider, IotHubClientProtocol.MQTT);
    client.registerConnectionStatusChangeCallback(linkCallback, null);
    client.open();
    uplinkHealthy = true;
  }

  void run() throws InterruptedException {
    while (running) {
      String operState = readOperState();
      if (!operState.equals(lastOperState)) {
        LOG.info("wwan0 " + lastOperState + " -> " + operState);
        if ("up".equals(operState)) {
          networkEvents.submit(this::rebindAfterBearerChange);
        }
        lastOperState = operState;
      }
      if (!uplinkHealthy) {
        // the last message was not acknowledged: make sure the client is open before sending more
        try {
          // expect: IotHubOpenWithoutStatusGuard
          client.open();
        } catch (IOException e) {
          LOG.warning("open failed: " + e.getMessage());
        }
      }
      Message reading = new Message("{\"pv_power_w\":" + (int) (Math.random() * 4000) + "}");
      client.sendEventAsync(reading, this::onDelivered, null);
      Thread.sleep(15_000);
    }
  }

  /** New bearer, new socket: build a fresh client and open it. */
  private void rebindAfterBearerChange() {
    for (int attempt = 1; attempt <= MAX_REBIND_ATTEMPTS; attempt++) {
      try {
        client = DeviceClient.createFromSecurityProvider(assignedHub, deviceId, securityProvider, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(linkCallback, null);
        // expect: IotHubOpenRetryWithoutClose
        client.open();
        LOG.info("rebound to the new bearer on attempt " + attempt);
        return;
      } catch (URISyntaxException e) {
        LOG.severe("bad hub name " + assignedHub + ": " + e.getMessage());
        return;
      } catch (IOException e) {
        LOG.warning("rebind attempt " + attempt + " failed: " + e.getMessage());
        sleepQuietly(attempt * 2_000L);
      }
    }
  }

  private void onDelivered(IotHubStatusCode status, Object context) {
    uplinkHealthy = status == IotHubStatusCode.OK || status == IotHubStatusCode.OK_EMPTY;
  }

  private static String readOperState() {
    try {
      return Files.readString(OPERSTATE).trim();
    } catch (IOException e) {
      return "missing";
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() throws IOException {
    running = false;
    networkEvents.shutdownNow();
    client.close();
  }
}
