package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Substation gateway: one client per protection relay (each relay has its own identity) plus the gateway's uplink,
 * which receives cloud-to-device commands such as {@code attach relay-7} or {@code rekey relay-7 <connection string>}.
 */
public class SubstationGateway {
  private static final Logger LOG = Logger.getLogger(SubstationGateway.class.getName());

  private final Map<String, DeviceClient> relays = new ConcurrentHashMap<>();
  private final Map<String, String> relayConnectionStrings;
  private final String uplinkConnectionString;
  private DeviceClient uplink;

  public SubstationGateway(String uplinkConnectionString, Map<String, String> relayConnectionStrings) {
    this.uplinkConnectionString = uplinkConnectionString;
    this.relayConnectionStrings = new ConcurrentHashMap<>(relayConnectionStrings);
  }

  /** Boot: the uplink, then every known relay. */
  public void start() throws IotHubClientException {
    uplink = new DeviceClient(uplinkConnectionString, IotHubClientProtocol.MQTT);
    uplink.setMessageCallback(this::onCommand, null);
    uplink.open(false);
    for (Map.Entry<String, String> relay : relayConnectionStrings.entrySet()) {
      relays.put(relay.getKey(), new DeviceClient(relay.getValue(), IotHubClientProtocol.AMQPS));
    }
    for (DeviceClient relayClient : relays.values()) {
      try {
        relayClient.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("relay offline at boot: " + e.getStatusCode());
      }
    }
  }

  /** Cloud-to-device command from the operations centre; SDK thread. */
  private IotHubMessageResult onCommand(Message message, Object context) {
    String[] command = new String(message.getBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
    try {
      switch (command[0]) {
        case "attach" -> attach(command[1]);
        case "rekey" -> rekey(command[1], command[2]);
        case "rekey-fast" -> rekeyFast(command[1], command[2]);
        case "selftest" -> selfTest(command[1]);
        case "ping" -> ping(command[1]);
        case "reset-uplink" -> resetUplink();
        case "uplink-swap" -> swapUplink();
        case "uplink-rebuild" -> rebuildUplink();
        case "uplink-ensure" -> ensureUplink();
        case "recompute" -> recompute(command[1]);
        case "provision" -> provision(command[1], command[2]);
        case "reconnect-relay" -> reconnectRelay(command[1]);
        default -> LOG.warning("unknown command " + command[0]);
      }
      return IotHubMessageResult.COMPLETE;
    } catch (IotHubClientException | InterruptedException e) {
      LOG.warning("command " + command[0] + " failed: " + e.getMessage());
      return IotHubMessageResult.ABANDON;
    }
  }

  /** A relay that is already attached keeps its client; computeIfAbsent only builds a missing one. */
  private void attach(String relayId) throws IotHubClientException {
    DeviceClient relayClient = relays.computeIfAbsent(relayId, id -> new DeviceClient(relayConnectionStrings.get(id), IotHubClientProtocol.AMQPS));
    // expect: IotHubOpenWithoutStatusGuard
    relayClient.open(false);
  }

  /** New key: swap the client in the map and close the one it replaced before connecting. */
  private void rekey(String relayId, String connectionString) throws IotHubClientException {
    relayConnectionStrings.put(relayId, connectionString);
    DeviceClient fresh = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    DeviceClient previous = relays.replace(relayId, fresh);
    if (previous != null) {
      previous.close();
    }
    fresh.open(false);
  }

  /** Same, written in a hurry during an outage. */
  private void rekeyFast(String relayId, String connectionString) throws IotHubClientException {
    relayConnectionStrings.put(relayId, connectionString);
    DeviceClient fresh = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    // expect: IotHubClientReplacedWithoutClose
    relays.replace(relayId, fresh);
    fresh.open(false);
  }

  /** A throw-away client for one test message, closed whatever happens. */
  private void selfTest(String relayId) throws IotHubClientException, InterruptedException {
    DeviceClient tester = new DeviceClient(relayConnectionStrings.get(relayId), IotHubClientProtocol.MQTT);
    try {
      tester.open(false);
      tester.sendEvent(new Message("{\"selftest\":true}"));
    } finally {
      tester.close();
    }
  }

  /** The same idea, but the close is only reached when the send works. */
  private void ping(String relayId) throws IotHubClientException, InterruptedException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient pinger = new DeviceClient(relayConnectionStrings.get(relayId), IotHubClientProtocol.MQTT);
    pinger.open(false);
    pinger.sendEvent(new Message("{\"ping\":true}"));
    pinger.close();
  }

  /** Meant to restart the uplink field; the local hides it. */
  private void resetUplink() throws IotHubClientException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient uplink = new DeviceClient(uplinkConnectionString, IotHubClientProtocol.MQTT);
    uplink.setMessageCallback(this::onCommand, null);
    uplink.open(false);
  }

  /** Closes the current uplink through a second reference, then replaces it. */
  private void swapUplink() throws IotHubClientException {
    DeviceClient retiring = uplink;
    retiring.close();
    uplink = new DeviceClient(uplinkConnectionString, IotHubClientProtocol.MQTT);
    uplink.setMessageCallback(this::onCommand, null);
    uplink.open(false);
  }

  /** Builds and opens the replacement first, then stores it; the old uplink is forgotten, not closed. */
  private void rebuildUplink() throws IotHubClientException {
    DeviceClient replacement = new DeviceClient(uplinkConnectionString, IotHubClientProtocol.MQTT);
    replacement.setMessageCallback(this::onCommand, null);
    replacement.open(false);
    // expect: IotHubClientReplacedWithoutClose
    uplink = replacement;
  }

  /** Only builds an uplink when there is none. */
  private void ensureUplink() throws IotHubClientException {
    if (uplink != null) {
      return;
    }
    uplink = new DeviceClient(uplinkConnectionString, IotHubClientProtocol.MQTT);
    uplink.open(false);
  }

  /** compute() closes the client it replaces; the boot-time open list picks the new one up. */
  private void recompute(String relayId) {
    relays.compute(relayId, (id, old) -> {
      if (old != null) {
        old.close();
      }
      return new DeviceClient(relayConnectionStrings.get(id), IotHubClientProtocol.AMQPS);
    });
  }

  /** A new relay gets its own client, opened with a few tries; each failed try is torn down. */
  private void provision(String relayId, String connectionString) throws InterruptedException {
    relayConnectionStrings.put(relayId, connectionString);
    DeviceClient previous = relays.remove(relayId);
    if (previous != null) {
      previous.close();
    }
    DeviceClient fresh = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    relays.put(relayId, fresh);
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        fresh.open(false);
        return;
      } catch (IotHubClientException e) {
        fresh.close();
        Thread.sleep(1_000L * attempt);
      }
    }
  }

  /** Operator asks for a clean reconnect of one relay: close once, then a few tries. */
  private void reconnectRelay(String relayId) throws InterruptedException {
    DeviceClient relayClient = relays.get(relayId);
    relayClient.close();
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        relayClient.open(false);
        return;
      } catch (IotHubClientException e) {
        Thread.sleep(1_000L * attempt);
      }
    }
  }

  public void stop() {
    relays.values().forEach(DeviceClient::close);
    uplink.close();
  }
}
