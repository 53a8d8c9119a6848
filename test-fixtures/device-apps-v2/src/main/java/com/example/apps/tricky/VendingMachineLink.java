package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Vending machine firmware, written in the static style of the SDK quick-starts. */
public final class VendingMachineLink {
  private static final Logger LOG = Logger.getLogger(VendingMachineLink.class.getName());

  private static DeviceClient client;
  private static volatile boolean lastSendFailed;
  private static volatile boolean running = true;
  private static final ScheduledExecutorService JOBS = Executors.newSingleThreadScheduledExecutor();

  private VendingMachineLink() {}

  public static void main(String[] args) throws Exception {
    client = new DeviceClient(args[0], IotHubClientProtocol.MQTT);
    client.setConnectionStatusChangeCallback(VendingMachineLink::onStatus, null);
    client.open(false);
    JOBS.scheduleWithFixedDelay(new KeepAliveTask(), 1, 1, TimeUnit.MINUTES);
    for (int sale = 0; running; sale++) {
      ensureConnected();
      client.sendEventAsync(new Message("{\"sale\":" + sale + "}"), (sent, e, context) -> lastSendFailed = e != null, null);
      Thread.sleep(60_000);
    }
  }

  /** Static method-reference callback. A revoked key ends the session right here. */
  private static void onStatus(ConnectionStatusChangeContext ctx) {
    if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
      running = false;
      // expect: IotHubReconnectOnCallbackThread
      client.close();
    }
  }

  /** Called by the sale loop before every sale. */
  private static void ensureConnected() {
    if (lastSendFailed) {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("reconnect before sale failed: " + e.getMessage());
      }
    }
  }

  /** A named Runnable class instead of a lambda; scheduled every minute by main. */
  private static final class KeepAliveTask implements Runnable {
    @Override
    public void run() {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open(false);
      } catch (IotHubClientException e) {
        LOG.warning("keep-alive open failed: " + e.getMessage());
      }
    }
  }
}
