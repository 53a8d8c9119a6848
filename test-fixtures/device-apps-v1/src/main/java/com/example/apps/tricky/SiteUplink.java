package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.logging.Logger;

/** Thin wrapper around the site's DeviceClient, shared by several station apps. */
public class SiteUplink {
  private static final Logger LOG = Logger.getLogger(SiteUplink.class.getName());

  private final DeviceClient client;

  public SiteUplink(String connectionString) throws URISyntaxException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
  }

  public void connect() throws IOException {
    client.open();
  }

  /** Callers decide when this is appropriate; nothing in this class calls it. */
  public void ensureOpen() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      client.open();
    } catch (IOException e) {
      LOG.warning("site uplink open failed: " + e.getMessage());
    }
  }

  public void send(String json) {
    client.sendEventAsync(new Message(json), null, null);
  }

  public void disconnect() throws IOException {
    client.closeNow();
  }
}
