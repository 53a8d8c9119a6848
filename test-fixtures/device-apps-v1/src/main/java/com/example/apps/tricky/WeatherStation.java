package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Weather station: its own identity goes through a small nested wrapper; the site-wide uplink through the shared
 * {@link SiteUplink}. Jobs on a scheduler keep both alive.
 */
public class WeatherStation {
  private static final Logger LOG = Logger.getLogger(WeatherStation.class.getName());

  private final HubLink link;
  private final SiteUplink site;
  private final ScheduledExecutorService jobs = Executors.newScheduledThreadPool(2);

  public WeatherStation(String stationConnectionString, String siteConnectionString) throws URISyntaxException {
    link = new HubLink(new DeviceClient(stationConnectionString, IotHubClientProtocol.AMQPS));
    site = new SiteUplink(siteConnectionString);
  }

  public void start() throws IOException {
    link.connect();
    site.connect();
    jobs.scheduleWithFixedDelay(() -> link.ensureOpen(), 1, 1, TimeUnit.MINUTES);
    jobs.scheduleWithFixedDelay(link::restart, 1, 1, TimeUnit.HOURS);
    jobs.scheduleWithFixedDelay(site::ensureOpen, 1, 1, TimeUnit.MINUTES);
    jobs.scheduleAtFixedRate(this::report, 0, 10, TimeUnit.MINUTES);
  }

  private void report() {
    String json = "{\"windKmh\":" + (int) (Math.random() * 60) + "}";
    link.send(json);
    site.send(json);
  }

  public void stop() throws IOException {
    jobs.shutdownNow();
    link.disconnect();
    site.disconnect();
  }

  /** Nested wrapper: part of this class, so the scheduler's calls into it count. */
  static final class HubLink {
    private final DeviceClient client;

    HubLink(DeviceClient client) {
      this.client = client;
    }

    void connect() throws IOException {
      client.open();
    }

    void ensureOpen() {
      try {
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
      } catch (IOException e) {
        LOG.warning("station link open failed: " + e.getMessage());
      }
    }

    /** Hourly: a clean restart of the station link. */
    void restart() {
      try {
        client.closeNow();
        client.open();
      } catch (IOException e) {
        LOG.warning("station link restart failed: " + e.getMessage());
      }
    }

    void send(String json) {
      client.sendEventAsync(new Message(json), null, null);
    }

    void disconnect() throws IOException {
      client.closeNow();
    }
  }
}
