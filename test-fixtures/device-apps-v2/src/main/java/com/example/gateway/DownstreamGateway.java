package com.example.gateway;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageSentCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Protocol-translation gateway. Leaf devices talk Modbus/BLE to the gateway; the gateway keeps one IoT Hub client
 * per leaf device (each leaf has its own identity) plus a client for its own identity.
 */
public class DownstreamGateway {
  private static final Logger LOG = Logger.getLogger(DownstreamGateway.class.getName());

  private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
  private final Map<String, IotHubConnectionStatus> leafStatus = new ConcurrentHashMap<>();
  private final Map<String, String> connectionStrings;
  private final ExecutorService reconnectPool = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
  private final DeviceClient gatewayClient;
  private volatile IotHubConnectionStatus gatewayStatus = IotHubConnectionStatus.DISCONNECTED;

  public DownstreamGateway(String gatewayConnectionString, Map<String, String> leafConnectionStrings) {
    this.connectionStrings = new ConcurrentHashMap<>(leafConnectionStrings);
    this.gatewayClient = new DeviceClient(gatewayConnectionString, IotHubClientProtocol.AMQPS);
  }

  public void start() throws IotHubClientException, InterruptedException {
    gatewayClient.setConnectionStatusChangeCallback(this::onGatewayStatus, null);
    gatewayClient.open(false);

    for (Map.Entry<String, String> leaf : connectionStrings.entrySet()) {
      String deviceId = leaf.getKey();
      DeviceClient leafClient = new DeviceClient(leaf.getValue(), IotHubClientProtocol.AMQPS);
      leafClient.setConnectionStatusChangeCallback(ctx -> onLeafStatus(deviceId, ctx), null);
      clients.put(deviceId, leafClient);
      openLeaf(deviceId, leafClient);
    }

    housekeeping.scheduleWithFixedDelay(this::reconnectOfflineLeaves, 30, 30, TimeUnit.SECONDS);
    housekeeping.scheduleAtFixedRate(() -> {
      for (String deviceId : connectionStrings.keySet()) {
        probeLeaf(deviceId);
      }
    }, 1, 1, TimeUnit.HOURS);
  }

  /** A leaf that is unreachable at boot gets one more chance; the housekeeping job picks up the rest. */
  private void openLeaf(String deviceId, DeviceClient leafClient) throws InterruptedException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      leafClient.open(false);
    } catch (IotHubClientException first) {
      LOG.warning(deviceId + ": open failed (" + first.getStatusCode() + "), trying once more");
      Thread.sleep(2_000);
      try {
        leafClient.open(false);
      } catch (IotHubClientException second) {
        LOG.severe(deviceId + ": still unreachable, leaving it to housekeeping");
      }
    }
  }

  /** Forwards one reading received from a leaf over Modbus. */
  public void forward(String deviceId, byte[] payload) {
    DeviceClient leafClient = clients.get(deviceId);
    if (leafClient == null) {
      LOG.warning("reading from unknown leaf " + deviceId);
      return;
    }
    leafClient.sendEventAsync(new Message(payload), new MessageSentCallback() {
      @Override
      public void onMessageSent(Message sentMessage, IotHubClientException exception, Object callbackContext) {
        if (exception == null) {
          return;
        }
        LOG.warning(callbackContext + ": send failed (" + exception.getStatusCode() + "), reopening");
        try {
          // expect: IotHubOpenWithoutStatusGuard
          leafClient.open(false);
        } catch (IotHubClientException e) {
          LOG.warning(callbackContext + ": reopen failed: " + e.getMessage());
        }
      }
    }, deviceId);
  }

  /** Ops pushed new credentials for one leaf. */
  public void requestCredentialRotation(String deviceId, String newConnectionString) {
    housekeeping.execute(() -> rotateLeafCredentials(deviceId, newConnectionString));
  }

  public void shutdown() {
    housekeeping.shutdownNow();
    reconnectPool.shutdownNow();
    clients.values().forEach(DeviceClient::close);
    gatewayClient.close();
  }

  private void onGatewayStatus(ConnectionStatusChangeContext context) {
    gatewayStatus = context.getNewStatus();
    // expect: IotHubReopenAfterClientClose
    if (context.getNewStatus() != IotHubConnectionStatus.DISCONNECTED) {
      return;
    }
    LOG.warning("gateway identity disconnected: " + context.getNewStatusReason());
    CompletableFuture.runAsync(this::reconnectGateway, reconnectPool);
  }

  private void reconnectGateway() {
    gatewayClient.close();
    try {
      gatewayClient.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("gateway reconnect failed: " + e.getMessage());
    }
  }

  private void onLeafStatus(String deviceId, ConnectionStatusChangeContext context) {
    IotHubConnectionStatus newStatus = context.getNewStatus();
    leafStatus.put(deviceId, newStatus);
    // expect: IotHubReopenAfterClientClose
    if (IotHubConnectionStatus.DISCONNECTED.equals(newStatus)) {
      // This leaf's link is gone for good: give it a brand-new client.
      reconnectPool.submit(() -> replaceClient(deviceId));
    }
  }

  /** Reconnect pool. */
  private void replaceClient(String deviceId) {
    DeviceClient fresh = new DeviceClient(connectionStrings.get(deviceId), IotHubClientProtocol.AMQPS);
    fresh.setConnectionStatusChangeCallback(ctx -> onLeafStatus(deviceId, ctx), null);
    // expect: IotHubClientReplacedWithoutClose
    clients.put(deviceId, fresh);
    try {
      fresh.open(false);
    } catch (IotHubClientException e) {
      LOG.warning(deviceId + ": replacement client did not open: " + e.getMessage());
    }
  }

  /** Housekeeping thread, every 30 s. */
  private void reconnectOfflineLeaves() {
    for (String deviceId : connectionStrings.keySet()) {
      IotHubConnectionStatus status = leafStatus.get(deviceId);
      if (status != IotHubConnectionStatus.DISCONNECTED) {
        continue;
      }
      DeviceClient replacement = new DeviceClient(connectionStrings.get(deviceId), IotHubClientProtocol.AMQPS);
      replacement.setConnectionStatusChangeCallback(ctx -> onLeafStatus(deviceId, ctx), null);
      DeviceClient previous = clients.put(deviceId, replacement);
      if (previous != null) {
        previous.close();
      }
      try {
        replacement.open(false);
      } catch (IotHubClientException e) {
        LOG.fine(deviceId + ": still offline");
      }
    }
  }

  /** Housekeeping thread. */
  private void rotateLeafCredentials(String deviceId, String newConnectionString) {
    DeviceClient retired = clients.remove(deviceId);
    if (retired != null) {
      retired.close();
    }
    connectionStrings.put(deviceId, newConnectionString);
    DeviceClient rotated = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
    rotated.setConnectionStatusChangeCallback(ctx -> onLeafStatus(deviceId, ctx), null);
    clients.put(deviceId, rotated);
    try {
      rotated.open(false);
    } catch (IotHubClientException e) {
      LOG.warning(deviceId + ": rotated client did not open: " + e.getMessage());
    }
  }

  /** Housekeeping thread, hourly: can the hub still be reached with this leaf's credentials? */
  private void probeLeaf(String deviceId) {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient probe = new DeviceClient(connectionStrings.get(deviceId), IotHubClientProtocol.MQTT);
    try {
      probe.open(false);
      probe.sendEvent(new Message("{\"probe\":true}"));
      LOG.info(deviceId + ": probe ok");
    } catch (IotHubClientException e) {
      LOG.warning(deviceId + ": probe failed: " + e.getStatusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
