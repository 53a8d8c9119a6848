package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Retail beacon gateway: one client per beacon identity, kept in a map, plus the gateway's own client that receives
 * commands ({@code enroll}, {@code swap}, {@code swap-fast}, {@code relay}, {@code probe}).
 */
public class BeaconGateway {
  private static final Logger LOG = Logger.getLogger(BeaconGateway.class.getName());

  private final Map<String, DeviceClient> beacons = new ConcurrentHashMap<>();
  private final Map<String, String> keys;
  private final String hostName;
  private final DeviceClient gateway;
  private final ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();

  public BeaconGateway(String hostName, String gatewayConnectionString, Map<String, String> keys) throws URISyntaxException {
    this.hostName = hostName;
    this.keys = new ConcurrentHashMap<>(keys);
    gateway = new DeviceClient(gatewayConnectionString, IotHubClientProtocol.MQTT);
    gateway.setMessageCallback(this::onCommand, null);
  }

  /** Boot: every known beacon gets a client, then they are opened one by one. */
  public void start() throws IOException, URISyntaxException {
    gateway.open();
    for (String beaconId : keys.keySet()) {
      beacons.put(beaconId, new DeviceClient(connectionString(beaconId), IotHubClientProtocol.AMQPS));
    }
    for (DeviceClient beacon : beacons.values()) {
      beacon.open();
    }
    jobs.scheduleWithFixedDelay(this::reopenAll, 10, 10, TimeUnit.MINUTES);
  }

  /** Every ten minutes, "just in case". */
  private void reopenAll() {
    for (DeviceClient beacon : beacons.values()) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        beacon.open();
      } catch (IOException e) {
        LOG.warning("periodic reopen failed: " + e.getMessage());
      }
    }
  }

  private IotHubMessageResult onCommand(Message message, Object context) {
    String[] command = new String(message.getBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
    try {
      if ("enroll".equals(command[0])) {
        enroll(command[1]);
      } else if ("swap".equals(command[0])) {
        swap(command[1]);
      } else if ("swap-fast".equals(command[0])) {
        swapFast(command[1]);
      } else if ("relay".equals(command[0])) {
        relay(command[1], command[2]);
      } else if ("rekey".equals(command[0])) {
        rekey(command[1], command[2]);
      } else if ("probe".equals(command[0])) {
        probe(command[1]);
      }
      return IotHubMessageResult.COMPLETE;
    } catch (IOException | URISyntaxException e) {
      LOG.warning("command failed: " + e.getMessage());
      return IotHubMessageResult.ABANDON;
    }
  }

  /** Builds the client only if the beacon has none yet, then makes sure it is open. */
  private void enroll(String beaconId) throws IOException, URISyntaxException {
    DeviceClient beacon = beacons.get(beaconId);
    if (beacon == null) {
      beacon = new DeviceClient(connectionString(beaconId), IotHubClientProtocol.AMQPS);
      beacons.put(beaconId, beacon);
    }
    // expect: IotHubOpenWithoutStatusGuard
    beacon.open();
  }

  /** Swap hardware under the same identity: close the old client, then put and open the new one. */
  private void swap(String beaconId) throws IOException, URISyntaxException {
    DeviceClient old = beacons.get(beaconId);
    if (old != null) {
      old.closeNow();
    }
    DeviceClient fresh = new DeviceClient(connectionString(beaconId), IotHubClientProtocol.AMQPS);
    beacons.put(beaconId, fresh);
    fresh.open();
  }

  /** The same without looking at the old client. */
  private void swapFast(String beaconId) throws IOException, URISyntaxException {
    DeviceClient fresh = new DeviceClient(connectionString(beaconId), IotHubClientProtocol.AMQPS);
    // expect: IotHubClientReplacedWithoutClose
    beacons.replace(beaconId, fresh);
    fresh.open();
  }

  /** New key for a beacon; the old client is closed only when the key really changed. */
  private void rekey(String beaconId, String newKey) throws IOException, URISyntaxException {
    boolean changed = !newKey.equals(keys.put(beaconId, newKey));
    DeviceClient old = beacons.get(beaconId);
    if (old != null && changed) {
      old.closeNow();
    }
    DeviceClient fresh = new DeviceClient(connectionString(beaconId), IotHubClientProtocol.AMQPS);
    // expect: IotHubClientReplacedWithoutClose
    beacons.put(beaconId, fresh);
    fresh.open();
  }

  /** Sends one message as another beacon, with a client of its own that is always closed. */
  private void relay(String beaconId, String json) throws IOException, URISyntaxException {
    DeviceClient relay = new DeviceClient(connectionString(beaconId), IotHubClientProtocol.MQTT);
    try {
      relay.open();
      relay.sendEventAsync(new Message(json), null, null);
    } finally {
      relay.closeNow();
    }
  }

  /** Checks a beacon's key: the close is skipped when open() throws. */
  private void probe(String beaconId) throws IOException, URISyntaxException {
    // expect: IotHubClientReplacedWithoutClose
    DeviceClient prober = new DeviceClient(connectionString(beaconId), IotHubClientProtocol.MQTT);
    prober.open();
    LOG.info("key of " + beaconId + " accepted");
    prober.closeNow();
  }

  private String connectionString(String beaconId) {
    return "HostName=" + hostName + ";DeviceId=" + beaconId + ";SharedAccessKey=" + keys.get(beaconId);
  }

  public void stop() {
    jobs.shutdownNow();
    beacons.values().forEach(beacon -> {
      try {
        beacon.closeNow();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
