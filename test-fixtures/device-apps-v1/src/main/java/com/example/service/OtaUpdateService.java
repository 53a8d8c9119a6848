package com.example.service;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Firmware update bean. The back office calls the "applyFirmware" direct method with the image URL; the image is
 * downloaded and flashed on a worker thread. The modem is shared with the bootloader, so the hub link is closed while
 * flashing and opened again afterwards.
 */
public class OtaUpdateService {
  private static final Logger LOG = Logger.getLogger(OtaUpdateService.class.getName());

  private final String connectionString;
  private final ExecutorService updateWorker = Executors.newSingleThreadExecutor();
  private DeviceClient client;
  private volatile boolean shuttingDown;

  private final IotHubConnectionStatusChangeCallback linkWatcher =
      new IotHubConnectionStatusChangeCallback() {
        @Override
        public void execute(
            IotHubConnectionStatus status,
            IotHubConnectionStatusChangeReason reason,
            Throwable throwable,
            Object context) {
          LOG.info("OTA link " + status + " (" + reason + ")");
          if (reason == IotHubConnectionStatusChangeReason.BAD_CREDENTIAL) {
            // the device certificate was revoked; stop talking to the hub until we are re-provisioned
            try {
              // expect: IotHubReconnectOnCallbackThread
              client.closeNow();
            } catch (IOException e) {
              LOG.log(Level.WARNING, "closeNow failed", e);
            }
            return;
          }
          // expect: IotHubReopenAfterClientClose
          if (status == IotHubConnectionStatus.DISCONNECTED && !shuttingDown) {
            // the SDK's retry policy is exhausted: start over with a brand-new client
            try {
              // expect: IotHubClientReplacedWithoutClose
              client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
              client.registerConnectionStatusChangeCallback(this, null);
              // expect: IotHubReconnectOnCallbackThread
              client.open();
            } catch (URISyntaxException | IOException e) {
              LOG.log(Level.SEVERE, "could not rebuild the OTA client", e);
            }
          }
        }
      };

  public OtaUpdateService(String connectionString) {
    this.connectionString = connectionString;
  }

  @PostConstruct
  public void init() throws URISyntaxException, IOException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    client.registerConnectionStatusChangeCallback(linkWatcher, null);
    client.open();
    client.subscribeToDeviceMethod(
        (methodName, payload, context) -> {
          if (!"applyFirmware".equals(methodName)) {
            return new DeviceMethodData(404, "{\"error\":\"unknown method\"}");
          }
          String url = new String((byte[]) payload, StandardCharsets.UTF_8).replace("\"", "");
          updateWorker.submit(() -> applyUpdate(url));
          return new DeviceMethodData(202, "{\"accepted\":true}");
        },
        null,
        (status, context) -> LOG.info("OTA methods: " + status),
        null);
  }

  private void applyUpdate(String imageUrl) {
    byte[] image;
    try (InputStream in = new URL(imageUrl).openStream()) {
      image = in.readAllBytes();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "download of " + imageUrl + " failed", e);
      return;
    }
    LOG.info("image " + sha256(image) + " downloaded, " + image.length + " bytes");
    try {
      // the bootloader needs the modem while it writes the inactive bank
      client.close();
      flashInactiveBank(image);
      client.open();
      LOG.info("firmware staged, link back up");
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "update failed", e);
    }
  }

  private void flashInactiveBank(byte[] image) throws IOException {
    // talks to the bootloader over /dev/ttyS1; omitted on the bench build
    if (image.length == 0) {
      throw new IOException("empty image");
    }
  }

  private static String sha256(byte[] data) {
    try {
      StringBuilder hex = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(data)) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      return "?";
    }
  }

  @PreDestroy
  public void shutdown() {
    shuttingDown = true;
    updateWorker.shutdownNow();
    try {
      client.closeNow();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "close failed", e);
    }
  }
}
