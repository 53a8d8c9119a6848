package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.MultiplexingClient;
import com.microsoft.azure.sdk.iot.device.exceptions.MultiplexingClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Feeder meters behind one AMQP connection (MultiplexingClient, SDK 1.x). */
public class SubstationMultiplexer {
  private static final Logger LOG = Logger.getLogger(SubstationMultiplexer.class.getName());

  private final MultiplexingClient mux;
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor();
  private volatile IotHubConnectionStatus muxStatus = IotHubConnectionStatus.DISCONNECTED;
  private volatile boolean running = true;

  public SubstationMultiplexer(String hostName, List<DeviceClient> meters) throws InterruptedException, MultiplexingClientException {
    mux = new MultiplexingClient(hostName, IotHubClientProtocol.AMQPS);
    mux.registerDeviceClients(meters);
    mux.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
      muxStatus = status;
      if (status != IotHubConnectionStatus.DISCONNECTED) {
        return;
      }
      if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
        return;
      }
      worker.execute(this::reconnectMux);
    }, null);
  }

  /** Boot: exponential back-off on the multiplexed connection. */
  public void start() throws InterruptedException {
    long delayMs = 1_000;
    for (int attempt = 1; attempt <= 6; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        mux.open();
        break;
      } catch (MultiplexingClientException e) {
        LOG.warning("multiplexed open failed (attempt " + attempt + "): " + e.getMessage());
        Thread.sleep(delayMs);
        delayMs *= 2;
      }
    }
    health.scheduleWithFixedDelay(this::healthCheck, 1, 1, TimeUnit.MINUTES);
    health.scheduleWithFixedDelay(this::strictHealthCheck, 1, 1, TimeUnit.MINUTES);
  }

  /** Worker thread: tear down, then open, until it works. */
  private void reconnectMux() {
    while (running) {
      try {
        mux.close();
      } catch (MultiplexingClientException e) {
        LOG.fine("close before reconnect: " + e.getMessage());
      }
      try {
        mux.open();
        return;
      } catch (MultiplexingClientException e) {
        LOG.warning("multiplexed reconnect failed: " + e.getMessage());
      }
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Anything but CONNECTED counts as broken here. */
  private void healthCheck() {
    if (!muxStatus.equals(IotHubConnectionStatus.CONNECTED)) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        mux.open();
      } catch (MultiplexingClientException e) {
        LOG.warning("health check open failed: " + e.getMessage());
      }
    }
  }

  /** The corrected check, constant first. */
  private void strictHealthCheck() {
    if (IotHubConnectionStatus.DISCONNECTED.equals(muxStatus)) {
      try {
        mux.open();
      } catch (MultiplexingClientException e) {
        LOG.warning("strict health check open failed: " + e.getMessage());
      }
    }
  }

  public void stop() throws MultiplexingClientException {
    running = false;
    worker.shutdownNow();
    health.shutdownNow();
    mux.close();
  }
}
