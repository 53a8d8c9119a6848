package com.example.gateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bridges the RS-485 meters of a pump station to IoT Hub. Two identities: "uplink" carries the meter readings over
 * AMQP, "commands" receives setpoint changes over MQTT (the command identity's SAS token is minted by the station's
 * token service and expires every hour).
 */
public class SerialBridge {
  private static final Logger LOG = Logger.getLogger(SerialBridge.class.getName());

  private final String uplinkConnectionString;
  private final TokenService tokenService;
  private final ExecutorService bridgeExecutor = Executors.newSingleThreadExecutor();
  private DeviceClient uplinkClient;
  private DeviceClient commandClient;

  /** Mints command-channel connection strings with a fresh SAS token. */
  public interface TokenService {
    String commandConnectionString();
  }

  public SerialBridge(String uplinkConnectionString, TokenService tokenService) {
    this.uplinkConnectionString = uplinkConnectionString;
    this.tokenService = tokenService;
  }

  void start() throws URISyntaxException, IOException {
    uplinkClient = new DeviceClient(uplinkConnectionString, IotHubClientProtocol.AMQPS);
    uplinkClient.registerConnectionStatusChangeCallback(
        (status, reason, cause, context) -> {
          switch (status) {
            case CONNECTED -> LOG.info("uplink up");
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED_RETRYING, DISCONNECTED -> {
              LOG.warning("uplink down (" + reason + "), reopening");
              bridgeExecutor.execute(this::reopenUplink);
            }
          }
        },
        null);
    uplinkClient.open();

    commandClient = new DeviceClient(tokenService.commandConnectionString(), IotHubClientProtocol.MQTT);
    commandClient.registerConnectionStatusChangeCallback(new CommandChannelWatcher(), null);
    commandClient.setMessageCallback(this::onSetpoint, null);
    commandClient.open();
  }

  private void reopenUplink() {
    try {
      // expect: IotHubOpenWithoutStatusGuard
      uplinkClient.open();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "uplink reopen failed", e);
    }
  }

  public void publish(int meterAddress, double flowLitresPerSecond) {
    Message reading = new Message("{\"meter\":" + meterAddress + ",\"flow_lps\":" + flowLitresPerSecond + "}");
    uplinkClient.sendEventAsync(reading, null, null);
  }

  private IotHubMessageResult onSetpoint(Message message, Object context) {
    LOG.info("setpoint: " + new String(message.getBytes(), StandardCharsets.UTF_8));
    return IotHubMessageResult.COMPLETE;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class CommandChannelWatcher implements IotHubConnectionStatusChangeCallback {
    @Override
    public void execute(
        IotHubConnectionStatus status,
        IotHubConnectionStatusChangeReason reason,
        Throwable throwable,
        Object callbackContext) {
      LOG.info("command channel " + status + " (" + reason + ")");
      if (reason == IotHubConnectionStatusChangeReason.EXPIRED_SAS_TOKEN) {
        // our token is minted outside the SDK, so it cannot renew it: build a client with a fresh one
        try {
          // expect: IotHubClientReplacedWithoutClose
          commandClient = new DeviceClient(tokenService.commandConnectionString(), IotHubClientProtocol.MQTT);
          commandClient.registerConnectionStatusChangeCallback(this, null);
          commandClient.setMessageCallback(SerialBridge.this::onSetpoint, null);
          // expect: IotHubOpenWithoutStatusGuard
          commandClient.open();
        } catch (URISyntaxException | IOException e) {
          LOG.log(Level.SEVERE, "could not rebuild the command channel", e);
        }
      } else if (status == IotHubConnectionStatus.DISCONNECTED
          && reason == IotHubConnectionStatusChangeReason.RETRY_EXPIRED) {
        // give it three more quick tries before we wait for the station watchdog
        for (int attempt = 1; attempt <= 3; attempt++) {
          try {
            // expect: IotHubOpenRetryWithoutClose
            commandClient.open();
            break;
          } catch (IOException e) {
            LOG.warning("command channel reopen attempt " + attempt + " failed");
            sleepQuietly(1_000L * attempt);
          }
        }
      }
    }
  }
}
