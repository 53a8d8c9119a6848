package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Group controller for four elevator cars, one identity each. Every car's status callback was written by a different
 * team; all of them move the reconnect off the SDK's callback thread, each in its own way.
 */
public class ElevatorGroupController {
  private static final Logger LOG = Logger.getLogger(ElevatorGroupController.class.getName());

  private final DeviceClient carA;
  private final DeviceClient carB;
  private final DeviceClient carC;
  private final DeviceClient carD;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  public ElevatorGroupController(String a, String b, String c, String d) {
    carA = new DeviceClient(a, IotHubClientProtocol.AMQPS);
    carB = new DeviceClient(b, IotHubClientProtocol.AMQPS);
    carC = new DeviceClient(c, IotHubClientProtocol.AMQPS);
    carD = new DeviceClient(d, IotHubClientProtocol.AMQPS);
    carA.setConnectionStatusChangeCallback(this::onCarAStatus, null);
    carB.setConnectionStatusChangeCallback(this::onCarBStatus, null);
    carC.setConnectionStatusChangeCallback(this::onCarCStatus, null);
    carD.setConnectionStatusChangeCallback(this::onCarDStatus, null);
  }

  public void start() throws IotHubClientException {
    carA.open(false);
    carB.open(false);
    carC.open(false);
    carD.open(false);
  }

  // ------------------------------------------------------------------ car A: a small helper submits the work

  private void onCarAStatus(ConnectionStatusChangeContext ctx) {
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
      inBackground(this::reconnectCarA);
    }
  }

  /** Runs the task on the pool. */
  private void inBackground(Runnable task) {
    pool.execute(task);
  }

  private void reconnectCarA() {
    carA.close();
    try {
      carA.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("car A reconnect failed: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ car B: a named Runnable class

  private void onCarBStatus(ConnectionStatusChangeContext ctx) {
    // expect: IotHubReopenAfterClientClose
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
      pool.execute(new ReopenCarB());
    }
  }

  /** Only ever submitted by onCarBStatus, after the SDK reported DISCONNECTED. */
  private final class ReopenCarB implements Runnable {
    @Override
    public void run() {
      try {
        carB.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("car B reopen failed: " + e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------ car C: a CompletableFuture chain

  private void onCarCStatus(ConnectionStatusChangeContext ctx) {
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
      CompletableFuture.runAsync(this::closeCarC, pool).thenRun(this::openCarC);
    }
  }

  private void closeCarC() {
    carC.close();
  }

  private void openCarC() {
    try {
      carC.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("car C reopen failed: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ car D: our own close is filtered first

  private void onCarDStatus(ConnectionStatusChangeContext ctx) {
    if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
      LOG.fine("car D closed by us");
      return;
    }
    handleCarD(ctx.getNewStatus());
  }

  /** Only called by onCarDStatus, after CLIENT_CLOSE was filtered out. */
  private void handleCarD(IotHubConnectionStatus status) {
    if (status == IotHubConnectionStatus.DISCONNECTED) {
      pool.execute(this::reconnectCarD);
    }
  }

  private void reconnectCarD() {
    carD.close();
    try {
      carD.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("car D reconnect failed: " + e.getMessage());
    }
  }

  public void stop() {
    pool.shutdownNow();
    carA.close();
    carB.close();
    carC.close();
    carD.close();
  }
}
