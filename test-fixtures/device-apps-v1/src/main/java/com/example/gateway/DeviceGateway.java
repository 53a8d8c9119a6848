package com.example.gateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Protocol gateway for the BLE sensor tags in the warehouse. Each tag has its own identity in IoT Hub, so the gateway
 * keeps one DeviceClient per tag (AMQP, one connection each) plus a client for its own identity, which receives the
 * "provision" direct method when a new tag is paired.
 */
public class DeviceGateway {
  private static final Logger LOG = Logger.getLogger(DeviceGateway.class.getName());

  private final String hostName;
  private final Map<String, String> deviceKeys;
  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
  private final Map<String, IotHubConnectionStatus> lastStatus = new ConcurrentHashMap<>();
  private final ExecutorService maintenance = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService healthChecks = Executors.newSingleThreadScheduledExecutor();
  private final DeviceClient gatewayClient;

  public DeviceGateway(String hostName, String gatewayConnectionString, Map<String, String> deviceKeys)
      throws URISyntaxException {
    this.hostName = hostName;
    this.deviceKeys = new ConcurrentHashMap<>(deviceKeys);
    this.gatewayClient = new DeviceClient(gatewayConnectionString, IotHubClientProtocol.MQTT);
  }

  public static void main(String[] args) throws Exception {
    DeviceGateway gateway = new DeviceGateway(args[0], args[1], Map.of("tag-0001", args[2], "tag-0002", args[3]));
    gateway.start(List.of("tag-0001", "tag-0002"));
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::shutdown, "gateway-shutdown"));
  }

  void start(List<String> deviceIds) throws IOException, InterruptedException, URISyntaxException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      gatewayClient.open();
    } catch (IOException firstAttempt) {
      LOG.warning("gateway identity did not connect, one more try in 5 s: " + firstAttempt.getMessage());
      Thread.sleep(5_000);
      gatewayClient.open();
    }
    gatewayClient.subscribeToDeviceMethod(
        this::onGatewayMethod, null, (status, context) -> LOG.info("method subscription " + status), null);

    for (String deviceId : deviceIds) {
      DeviceClient client = new DeviceClient(connectionStringFor(deviceId), IotHubClientProtocol.AMQPS);
      client.registerConnectionStatusChangeCallback(new DownstreamStatusCallback(deviceId), null);
      clients.put(deviceId, client);
      client.open();
    }
    healthChecks.scheduleWithFixedDelay(this::healthCheck, 1, 1, TimeUnit.MINUTES);
  }

  /** Forwards one BLE advertisement to the tag's own identity. */
  public void forward(String deviceId, byte[] payload) {
    DeviceClient client = clients.get(deviceId);
    if (client == null) {
      LOG.fine("advertisement from unknown tag " + deviceId);
      return;
    }
    client.sendEventAsync(new Message(payload), null, deviceId);
  }

  private DeviceMethodData onGatewayMethod(String methodName, Object payload, Object context) {
    // payload: {"deviceId":"tag-0042","key":"..."}
    String json = new String((byte[]) payload, StandardCharsets.UTF_8);
    String deviceId = json.replaceAll(".*\"deviceId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    String key = json.replaceAll(".*\"key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    switch (methodName) {
      case "provision":
        return provision(deviceId, key);
      case "rotateKey":
        return rotateKey(deviceId, key);
      default:
        return new DeviceMethodData(404, "unknown method");
    }
  }

  private DeviceMethodData provision(String deviceId, String key) {
    deviceKeys.put(deviceId, key);
    try {
      DeviceClient fresh = new DeviceClient(connectionStringFor(deviceId), IotHubClientProtocol.AMQPS);
      fresh.registerConnectionStatusChangeCallback(new DownstreamStatusCallback(deviceId), null);
      DeviceClient previous = clients.put(deviceId, fresh);
      if (previous != null) {
        // re-pairing a known tag: the old client must go before the new one connects
        previous.closeNow();
      }
      fresh.open();
      return new DeviceMethodData(200, "{\"provisioned\":\"" + deviceId + "\"}");
    } catch (URISyntaxException | IOException e) {
      LOG.log(Level.WARNING, "provisioning " + deviceId + " failed", e);
      return new DeviceMethodData(500, "{\"error\":\"" + e.getMessage() + "\"}");
    }
  }

  /** The back office rolled the tag's key: close the client on the old key, then connect with the new one. */
  private DeviceMethodData rotateKey(String deviceId, String newKey) {
    deviceKeys.put(deviceId, newKey);
    DeviceClient current = clients.get(deviceId);
    if (current != null) {
      try {
        current.closeNow();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing " + deviceId + " before key rotation", e);
      }
    }
    try {
      DeviceClient rotated = new DeviceClient(connectionStringFor(deviceId), IotHubClientProtocol.AMQPS);
      rotated.registerConnectionStatusChangeCallback(new DownstreamStatusCallback(deviceId), null);
      clients.put(deviceId, rotated);
      rotated.open();
      return new DeviceMethodData(200, "{\"rotated\":\"" + deviceId + "\"}");
    } catch (URISyntaxException | IOException e) {
      LOG.log(Level.WARNING, "key rotation of " + deviceId + " failed", e);
      return new DeviceMethodData(500, "{\"error\":\"" + e.getMessage() + "\"}");
    }
  }

  /** Once a minute: any tag whose link is DISCONNECTED gets a new client. */
  private void healthCheck() {
    for (String deviceId : clients.keySet()) {
      IotHubConnectionStatus status = lastStatus.get(deviceId);
      if (status != IotHubConnectionStatus.DISCONNECTED) {
        continue;
      }
      LOG.info("tag " + deviceId + " is disconnected, replacing its client");
      try {
        DeviceClient replacement = new DeviceClient(connectionStringFor(deviceId), IotHubClientProtocol.AMQPS);
        replacement.registerConnectionStatusChangeCallback(new DownstreamStatusCallback(deviceId), null);
        // expect: IotHubClientReplacedWithoutClose
        clients.put(deviceId, replacement);
        replacement.open();
      } catch (URISyntaxException | IOException e) {
        LOG.log(Level.WARNING, "could not replace the client of " + deviceId, e);
      }
    }
  }

  /** Rebuilds one tag's client after its SAS token could not be renewed. Runs on the maintenance thread. */
  private void rebuildClient(String deviceId) {
    DeviceClient old = clients.remove(deviceId);
    if (old != null) {
      try {
        old.closeNow();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the old client of " + deviceId, e);
      }
    }
    try {
      DeviceClient fresh = new DeviceClient(connectionStringFor(deviceId), IotHubClientProtocol.AMQPS);
      fresh.registerConnectionStatusChangeCallback(new DownstreamStatusCallback(deviceId), null);
      clients.put(deviceId, fresh);
      fresh.open();
    } catch (URISyntaxException | IOException e) {
      LOG.log(Level.WARNING, "rebuild of " + deviceId + " failed", e);
    }
  }

  /** The tag's key was revoked: park it until the back office provisions it again. */
  private void quarantine(String deviceId) {
    LOG.warning("tag " + deviceId + " rejected by the hub, quarantined until re-provisioned");
    deviceKeys.remove(deviceId);
    dropClient(deviceId);
  }

  /** Stops using a tag's identity. */
  private void dropClient(String deviceId) {
    DeviceClient client = clients.remove(deviceId);
    if (client != null) {
      try {
        // expect: IotHubReconnectOnCallbackThread
        client.closeNow();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing " + deviceId, e);
      }
    }
  }

  private String connectionStringFor(String deviceId) {
    return "HostName=" + hostName + ";DeviceId=" + deviceId + ";SharedAccessKey=" + deviceKeys.get(deviceId);
  }

  void shutdown() {
    healthChecks.shutdownNow();
    maintenance.shutdownNow();
    for (DeviceClient client : clients.values()) {
      try {
        client.closeNow();
      } catch (IOException e) {
        LOG.log(Level.FINE, "close failed", e);
      }
    }
    try {
      gatewayClient.closeNow();
    } catch (IOException e) {
      LOG.log(Level.FINE, "close failed", e);
    }
  }

  /** One per downstream tag; remembers which tag it belongs to. */
  private final class DownstreamStatusCallback implements IotHubConnectionStatusChangeCallback {
    private final String deviceId;

    DownstreamStatusCallback(String deviceId) {
      this.deviceId = deviceId;
    }

    @Override
    public void execute(
        IotHubConnectionStatus status,
        IotHubConnectionStatusChangeReason reason,
        Throwable throwable,
        Object context) {
      lastStatus.put(deviceId, status);
      switch (status) {
        case CONNECTED -> LOG.fine(deviceId + " connected");
        case DISCONNECTED_RETRYING -> LOG.info(deviceId + " lost its link, SDK retrying (" + reason + ")");
        // expect: IotHubReopenAfterClientClose
        case DISCONNECTED -> {
          if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
            quarantine(deviceId);
          } else {
            maintenance.execute(() -> rebuildClient(deviceId));
          }
        }
      }
    }
  }
}
