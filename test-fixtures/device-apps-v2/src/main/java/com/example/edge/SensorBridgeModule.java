package com.example.edge;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Bridges an RS-485 sensor to IoT Hub under a module identity. It runs on plain Linux boxes without the Edge
 * runtime, so it connects with the module's connection string rather than createFromEnvironment.
 */
public class SensorBridgeModule {
  private static final Logger LOG = Logger.getLogger(SensorBridgeModule.class.getName());

  /** Our own view of the link, kept by the status callback. */
  enum LinkState {
    UP,
    RETRYING,
    DISCONNECTED
  }

  private final String connectionString;
  private final Path serialDevice;
  private ModuleClient client;
  private volatile LinkState linkState = LinkState.DISCONNECTED;
  private volatile boolean running = true;

  public SensorBridgeModule(String connectionString, Path serialDevice) {
    this.connectionString = connectionString;
    this.serialDevice = serialDevice;
  }

  public static void main(String[] args) throws Exception {
    SensorBridgeModule bridge = new SensorBridgeModule(System.getenv("MODULE_CONNECTION_STRING"), Path.of(args[0]));
    bridge.start();
    bridge.pumpSerial();
  }

  void start() throws InterruptedException {
    client = new ModuleClient(connectionString, IotHubClientProtocol.MQTT);
    client.setConnectionStatusChangeCallback(ctx -> {
      String summary = switch (ctx.getNewStatus()) {
        case CONNECTED -> {
          linkState = LinkState.UP;
          yield "online";
        }
        case DISCONNECTED_RETRYING -> {
          linkState = LinkState.RETRYING;
          yield "retrying after " + ctx.getNewStatusReason();
        }
        // expect: IotHubReopenAfterClientClose
        case DISCONNECTED -> {
          linkState = LinkState.DISCONNECTED;
          new Thread(this::reconnect, "bridge-reconnect").start();
          yield "offline (" + ctx.getNewStatusReason() + ")";
        }
      };
      LOG.info("bridge link " + summary);
    }, null);

    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        // expect: IotHubOpenRetryWithoutClose
        client.open(false);
        break;
      } catch (IotHubClientException e) {
        LOG.warning("open failed (" + e.getStatusCode() + "), attempt " + attempt + " of 5");
        Thread.sleep(3_000);
      }
    }
  }

  /** Reconnect thread, started by the status callback. */
  private void reconnect() {
    if (linkState != LinkState.DISCONNECTED) {
      return; // the SDK got there first
    }
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.warning("bridge reconnect failed: " + e.getMessage());
    }
  }

  /** Main thread: one JSON line per sensor reading. */
  private void pumpSerial() throws IOException {
    try (BufferedReader serial =
        new BufferedReader(new InputStreamReader(Files.newInputStream(serialDevice), StandardCharsets.US_ASCII))) {
      String line;
      while (running && (line = serial.readLine()) != null) {
        if (linkState != LinkState.UP) {
          continue; // readings are only useful live
        }
        client.sendEventAsync(new Message(line), null, null);
      }
    } finally {
      running = false;
      client.close();
    }
  }
}
