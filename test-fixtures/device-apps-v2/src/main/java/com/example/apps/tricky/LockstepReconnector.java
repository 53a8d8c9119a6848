package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * The reviewed reconnect design, with a semaphore instead of wait/notify: the callback only records and wakes the
 * manager thread; the manager closes and opens until the link is back. The send loop reopens once by itself when
 * the manager flagged it, after the SDK gave up.
 */
public class LockstepReconnector {
  private static final Logger LOG = Logger.getLogger(LockstepReconnector.class.getName());

  private final DeviceClient client;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean reconnectNeeded;
  private volatile boolean stopping;

  public LockstepReconnector(String connectionString) {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(ctx -> {
      LOG.info("status " + ctx.getNewStatus() + " (" + ctx.getNewStatusReason() + ")");
      if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
        reconnectNeeded = true;
        wake.release();
      }
    }, null);
  }

  public static void main(String[] args) throws Exception {
    LockstepReconnector app = new LockstepReconnector(args[0]);
    app.client.open(false);
    Thread manager = new Thread(app::manage, "reconnect-manager");
    manager.setDaemon(true);
    manager.start();
    app.sendLoop();
  }

  private void manage() {
    while (!stopping) {
      try {
        wake.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (int attempt = 1; !stopping; attempt++) {
        client.close();
        try {
          client.open(false);
          reconnectNeeded = false;
          break;
        } catch (IotHubClientException e) {
          LOG.warning("attempt " + attempt + " failed: " + e.getStatusCode());
        }
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void sendLoop() throws InterruptedException {
    for (int sequence = 0; !stopping; sequence++) {
      if (reconnectNeeded) {
        LOG.info("link down, holding reading " + sequence);
      } else {
        client.sendEventAsync(new Message("{\"seq\":" + sequence + "}"), null, null);
      }
      Thread.sleep(10_000);
    }
  }

  public void stop() {
    stopping = true;
    wake.release();
    client.close();
  }
}
