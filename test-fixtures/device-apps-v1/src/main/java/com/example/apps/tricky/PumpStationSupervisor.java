package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Pump-station supervisor (Java 8 style code base): anonymous Runnables kept in fields, a Timer, a reset thread. */
public class PumpStationSupervisor {
  private static final Logger LOG = Logger.getLogger(PumpStationSupervisor.class.getName());

  private final DeviceClient client;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Timer timer = new Timer("pump-reconnect", true);
  private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;

  /** Heartbeat job: "if we cannot talk, connect". */
  private final Runnable heartbeat = new Runnable() {
    @Override
    public void run() {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
      } catch (IOException e) {
        LOG.warning("heartbeat open failed: " + e.getMessage());
      }
    }
  };

  /** The same job after the review: only once the SDK has given up. */
  private final Runnable guardedHeartbeat = new Runnable() {
    @Override
    public void run() {
      if (status != IotHubConnectionStatus.DISCONNECTED) {
        return;
      }
      try {
        client.open();
      } catch (IOException e) {
        LOG.warning("guarded heartbeat open failed: " + e.getMessage());
      }
    }
  };

  public PumpStationSupervisor(String connectionString) throws URISyntaxException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.registerConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
      @Override
      public void execute(IotHubConnectionStatus newStatus, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
        status = newStatus;
        switch (newStatus) {
          case CONNECTED:
            LOG.info("pump station online");
            break;
          case DISCONNECTED_RETRYING:
          // expect: IotHubReopenAfterClientClose
          case DISCONNECTED:
            timer.schedule(new TimerTask() {
              @Override
              public void run() {
                reopenFromTimer();
              }
            }, 5_000);
            break;
          default:
            break;
        }
      }
    }, null);
  }

  public void start() throws IOException {
    client.open();
    scheduler.scheduleWithFixedDelay(heartbeat, 1, 1, TimeUnit.MINUTES);
    scheduler.scheduleWithFixedDelay(guardedHeartbeat, 1, 1, TimeUnit.MINUTES);
  }

  /** Timer thread, five seconds after any outage. */
  private void reopenFromTimer() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open();
    } catch (IOException e) {
      LOG.warning("timer reopen failed: " + e.getMessage());
    }
  }

  /** Operator pressed "reset link" on the HMI: tear down and connect again on a thread of its own. */
  public void operatorReset() {
    Runnable reset = new Runnable() {
      @Override
      public void run() {
        try {
          client.closeNow();
          client.open();
        } catch (IOException e) {
          LOG.warning("operator reset failed: " + e.getMessage());
        }
      }
    };
    Thread resetThread = new Thread(reset, "operator-reset");
    resetThread.start();
  }

  public void stop() throws IOException {
    scheduler.shutdownNow();
    timer.cancel();
    client.closeNow();
  }
}
