package com.example.gateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Variant of the gateway for the large sites: all tags share one AMQP connection through a MultiplexingClient, so the
 * hub sees one TLS connection instead of hundreds.
 */
public class MultiplexedGateway {
  private static final Logger LOG = Logger.getLogger(MultiplexedGateway.class.getName());

  private final String hostName;
  private final List<DeviceClient> leafClients = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private MultiplexingClient multiplexingClient;
  private volatile IotHubConnectionStatus multiplexStatus = IotHubConnectionStatus.DISCONNECTED;

  public MultiplexedGateway(String hostName) {
    this.hostName = hostName;
  }

  public static void main(String[] args) throws Exception {
    MultiplexedGateway gateway = new MultiplexedGateway(args[0]);
    List<String> leafConnectionStrings = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      leafConnectionStrings.add(args[i]);
    }
    gateway.start(leafConnectionStrings);
  }

  void start(List<String> leafConnectionStrings)
      throws URISyntaxException, InterruptedException, MultiplexingClientException {
    for (String connectionString : leafConnectionStrings) {
      leafClients.add(new DeviceClient(connectionString, IotHubClientProtocol.AMQPS));
    }
    multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
    multiplexingClient.registerConnectionStatusChangeCallback(this::onMultiplexStatus, null);
    multiplexingClient.registerDeviceClients(leafClients);
    for (int attempt = 1; ; attempt++) {
      boolean opened = false;
      try {
        multiplexingClient.open();
        opened = true;
        break;
      } catch (MultiplexingClientException e) {
        LOG.warning("multiplexed open failed (attempt " + attempt + "): " + e.getMessage());
        if (attempt == 3) {
          throw e;
        }
      } finally {
        if (!opened) {
          // release the half-open AMQP connection before the next attempt
          multiplexingClient.close();
        }
      }
      Thread.sleep(5_000L * attempt);
    }
    scheduler.scheduleWithFixedDelay(this::watchdog, 2, 2, TimeUnit.MINUTES);
    scheduler.scheduleAtFixedRate(this::publishAll, 10, 10, TimeUnit.SECONDS);
  }

  private void onMultiplexStatus(
      IotHubConnectionStatus status,
      IotHubConnectionStatusChangeReason reason,
      Throwable throwable,
      Object context) {
    multiplexStatus = status;
    LOG.info("multiplexed connection " + status + " (" + reason + ")");
    // expect: IotHubReopenAfterClientClose
    if (status == IotHubConnectionStatus.DISCONNECTED) {
      try {
        // expect: IotHubReconnectOnCallbackThread
        multiplexingClient.open();
      } catch (MultiplexingClientException e) {
        LOG.log(Level.WARNING, "re-open of the multiplexed connection failed", e);
      }
    }
  }

  /** Still down after two minutes: start over with a new multiplexing client. */
  private void watchdog() {
    if (multiplexStatus != IotHubConnectionStatus.DISCONNECTED) {
      return;
    }
    LOG.warning("multiplexed connection still down, building a new multiplexing client");
    try {
      // expect: IotHubClientReplacedWithoutClose
      multiplexingClient = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
      multiplexingClient.registerConnectionStatusChangeCallback(this::onMultiplexStatus, null);
      multiplexingClient.registerDeviceClients(leafClients);
      multiplexingClient.open();
    } catch (MultiplexingClientException e) {
      LOG.log(Level.SEVERE, "could not rebuild the multiplexed connection", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publishAll() {
    for (DeviceClient leaf : leafClients) {
      leaf.sendEventAsync(new Message("{\"rssi\":" + (-40 - (int) (Math.random() * 50)) + "}"), null, null);
    }
  }

  void shutdown() throws MultiplexingClientException {
    scheduler.shutdownNow();
    multiplexingClient.close();
  }
}
