package com.example.quiet.reconnectingapp;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Device app with the reconnect design our architecture review signed off on:
 *
 * <ul>
 *   <li>the status callback only records what happened; when the SDK reports DISCONNECTED for any reason other than
 *       our own close(), it wakes the reconnect thread;
 *   <li>the reconnect thread closes the client and opens it again, with a pause between attempts, until it is back.
 * </ul>
 *
 * The SDK's own retry policy handles DISCONNECTED_RETRYING; we never touch the client while it is retrying.
 */
public final class ReconnectingDeviceApp {
  private static final Logger LOG = Logger.getLogger(ReconnectingDeviceApp.class.getName());
  private static final long RECONNECT_PAUSE_MS = 5_000;
  private static final long SEND_PERIOD_MS = 10_000;

  private final DeviceClient client;
  private final Object wakeUp = new Object();
  private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;
  private volatile IotHubConnectionStatusChangeReason lastReason;
  private boolean reconnectNeeded; // guarded by wakeUp
  private volatile boolean stopping;

  public ReconnectingDeviceApp(String connectionString, IotHubClientProtocol protocol) {
    client = new DeviceClient(connectionString, protocol);
    client.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
      @Override
      public void onStatusChanged(ConnectionStatusChangeContext context) {
        recordStatus(context);
      }
    }, null);
  }

  public static void main(String[] args) throws Exception {
    String connectionString = args.length > 0 ? args[0] : System.getenv("IOTHUB_DEVICE_CONNECTION_STRING");
    ReconnectingDeviceApp app = new ReconnectingDeviceApp(connectionString, IotHubClientProtocol.AMQPS);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    app.start();
    for (int sequence = 0; !app.stopping; sequence++) {
      app.sendReading(sequence);
      Thread.sleep(SEND_PERIOD_MS);
    }
  }

  /** Opens the connection once and starts the reconnect thread. A failure here ends the app. */
  public void start() throws IotHubClientException {
    client.open(false);
    Thread reconnectThread = new Thread(this::reconnectLoop, "reconnect-manager");
    reconnectThread.setDaemon(true);
    reconnectThread.start();
  }

  public void stop() {
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    client.close();
  }

  /** SDK callback thread: bookkeeping only. */
  private void recordStatus(ConnectionStatusChangeContext context) {
    lastStatus = context.getNewStatus();
    lastReason = context.getNewStatusReason();
    LOG.log(Level.INFO, "status {0} ({1})", new Object[] {lastStatus, lastReason});
    if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
        && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
      synchronized (wakeUp) {
        reconnectNeeded = true;
        wakeUp.notifyAll();
      }
    }
  }

  /** The reconnect thread: sleeps until recordStatus asks for a reconnect. */
  private void reconnectLoop() {
    while (!stopping) {
      synchronized (wakeUp) {
        while (!reconnectNeeded && !stopping) {
          try {
            wakeUp.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        reconnectNeeded = false;
      }
      if (!stopping) {
        reconnectUntilOnline();
      }
    }
  }

  private void reconnectUntilOnline() {
    for (int attempt = 1; !stopping; attempt++) {
      // Whatever is left of the old link goes first; open() on top of it would race the hub.
      client.close();
      try {
        client.open(false);
        LOG.info("back online after " + attempt + " attempt(s)");
        return;
      } catch (IotHubClientException e) {
        LOG.warning("reconnect attempt " + attempt + " failed: " + e.getStatusCode());
        if (!e.isRetryable()) {
          LOG.severe("not retryable, giving up until the next disconnect");
          return;
        }
      }
      try {
        Thread.sleep(RECONNECT_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void sendReading(int sequence) {
    if (lastStatus != IotHubConnectionStatus.CONNECTED) {
      LOG.fine("offline, reading " + sequence + " dropped");
      return;
    }
    Message message = new Message("{\"sequence\":" + sequence + "}");
    client.sendEventAsync(message, (sent, exception, context) -> {
      if (exception != null) {
        LOG.warning("reading " + context + " not delivered: " + exception.getStatusCode());
      }
    }, sequence);
  }
}
