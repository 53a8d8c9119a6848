package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/** Truck telematics unit: the truck's own identity and the digital tachograph's. */
public class TruckTelematicsUnit {
  private static final Logger LOG = Logger.getLogger(TruckTelematicsUnit.class.getName());

  private final String truckConnectionString;
  private final DeviceClient tacho;
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private DeviceClient truck;
  private volatile IotHubConnectionStatus lastTruckStatus = IotHubConnectionStatus.DISCONNECTED;

  public TruckTelematicsUnit(String truckConnectionString, String tachoConnectionString) throws URISyntaxException {
    this.truckConnectionString = truckConnectionString;
    truck = new DeviceClient(truckConnectionString, IotHubClientProtocol.MQTT);
    wireTruck(truck);
    tacho = new DeviceClient(tachoConnectionString, IotHubClientProtocol.AMQPS);
    tacho.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
      if (status == IotHubConnectionStatus.DISCONNECTED && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
        CompletableFuture.runAsync(this::closeTacho, worker).thenRunAsync(this::openTacho, worker);
      }
    }, null);
  }

  public void start() throws IOException {
    truck.open();
    tacho.open();
  }

  private void wireTruck(DeviceClient client) {
    client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> onTruckStatus(status, reason), null);
  }

  private boolean truckLinkGone() {
    return lastTruckStatus == IotHubConnectionStatus.DISCONNECTED;
  }

  private void onTruckStatus(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
    lastTruckStatus = status;
    if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
      replaceTruckClient();
      return;
    }
    // expect: IotHubReopenAfterClientClose
    if (truckLinkGone()) {
      worker.execute(this::reopenTruck);
    }
  }

  /** The SAS token could not be renewed: start over with a new client, right here. */
  private void replaceTruckClient() {
    try {
      // expect: IotHubClientReplacedWithoutClose
      truck = new DeviceClient(truckConnectionString, IotHubClientProtocol.MQTT);
      wireTruck(truck);
      // expect: IotHubOpenWithoutStatusGuard
      truck.open();
    } catch (URISyntaxException | IOException e) {
      LOG.warning("truck client rebuild failed: " + e.getMessage());
    }
  }

  /** Worker thread. */
  private void reopenTruck() {
    try {
      truck.open();
    } catch (IOException e) {
      LOG.warning("truck reopen failed: " + e.getMessage());
    }
  }

  private void closeTacho() {
    try {
      tacho.closeNow();
    } catch (IOException e) {
      LOG.fine("tacho close: " + e.getMessage());
    }
  }

  private void openTacho() {
    try {
      tacho.open();
    } catch (IOException e) {
      LOG.warning("tacho reopen failed: " + e.getMessage());
    }
  }

  public void stop() throws IOException {
    worker.shutdownNow();
    truck.closeNow();
    tacho.closeNow();
  }
}
