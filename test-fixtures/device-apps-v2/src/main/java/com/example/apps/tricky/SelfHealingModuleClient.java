package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/** An edge module client that is its own status callback and repairs itself. */
public class SelfHealingModuleClient extends ModuleClient implements IotHubConnectionStatusChangeCallback {
  private static final Logger LOG = Logger.getLogger(SelfHealingModuleClient.class.getName());

  private final ExecutorService healer = Executors.newSingleThreadExecutor();

  public SelfHealingModuleClient(String connectionString) {
    super(connectionString, IotHubClientProtocol.AMQPS);
    setConnectionStatusChangeCallback(this, null);
  }

  /** Boot: three quick tries on the same instance. */
  public void connect() throws InterruptedException {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        open(false);
        return;
      } catch (IotHubClientException e) {
        LOG.warning("module open attempt " + attempt + " failed: " + e.getStatusCode());
        Thread.sleep(1_000);
      }
    }
  }

  /** Boot variant used by the newer modules: tears the failed attempt down first. */
  public void connectCleanly() throws InterruptedException {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        this.open(false);
        return;
      } catch (IotHubClientException e) {
        this.close();
        Thread.sleep(1_000);
      }
    }
  }

  @Override
  public void onStatusChanged(ConnectionStatusChangeContext ctx) {
    IotHubConnectionStatus status = ctx.getNewStatus();
    // expect: IotHubReopenAfterClientClose
    if (status == IotHubConnectionStatus.DISCONNECTED) {
      if (ctx.getNewStatusReason() == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
        try {
          // expect: IotHubReconnectOnCallbackThread
          open(false);
        } catch (IotHubClientException e) {
          LOG.warning("token refresh reopen failed: " + e.getMessage());
        }
      } else {
        healer.execute(this::heal);
      }
    }
  }

  /** Healer thread. */
  private void heal() {
    close();
    try {
      open(false);
    } catch (IotHubClientException e) {
      LOG.warning("heal failed: " + e.getMessage());
    }
  }
}
