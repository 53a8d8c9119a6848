package com.example.edge;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Edge module that polls a Modbus TCP PLC and publishes the holding registers; writes come back as messages on the
 * "modbusWrite" input. Uses the default transport (AMQP) picked by createFromEnvironment().
 */
public class ModbusBridgeModule {
  private static final Logger LOG = Logger.getLogger(ModbusBridgeModule.class.getName());

  private final ModuleClient moduleClient;
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
  private volatile boolean bridgeOnline;

  public ModbusBridgeModule() throws ModuleClientException {
    moduleClient = ModuleClient.createFromEnvironment();
    moduleClient.registerConnectionStatusChangeCallback(
        (status, reason, throwable, context) -> {
          LOG.info("edgeHub link " + status + " (" + reason + ")");
          switch (status) {
            case CONNECTED:
              bridgeOnline = true;
              break;
            case DISCONNECTED_RETRYING:
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
              bridgeOnline = false;
              // after an edgeHub restart the AMQP session is stale; drop it and open a clean one
              try {
                // expect: IotHubReconnectOnCallbackThread
                moduleClient.closeNow();
                // expect: IotHubOpenWithoutStatusGuard
                moduleClient.open();
              } catch (IOException e) {
                LOG.log(Level.WARNING, "could not reopen the module client", e);
              }
              break;
            default:
              break;
          }
        },
        null);
  }

  public static void main(String[] args) throws Exception {
    ModbusBridgeModule bridge = new ModbusBridgeModule();
    bridge.start();
  }

  void start() throws IOException {
    // let the SDK retry the first connection while edgeHub starts
    moduleClient.open(true);
    moduleClient.setMessageCallback(
        "modbusWrite",
        (message, context) -> {
          String write = new String(message.getBytes(), StandardCharsets.UTF_8);
          LOG.info("PLC write requested: " + write);
          if (write.contains("\"estop\"")) {
            // e-stops also go to the alarm route on their own client, so they never queue behind telemetry
            try {
              // expect: IotHubClientReplacedWithoutClose
              ModuleClient alarmClient = ModuleClient.createFromEnvironment(IotHubClientProtocol.MQTT);
              alarmClient.open();
              alarmClient.sendEventAsync(new Message(write), null, null, "alarms");
            } catch (ModuleClientException | IOException e) {
              LOG.log(Level.SEVERE, "e-stop alarm not sent", e);
            }
          }
          return IotHubMessageResult.COMPLETE;
        },
        null);
    poller.scheduleAtFixedRate(this::pollRegisters, 1, 5, TimeUnit.SECONDS);
  }

  private void pollRegisters() {
    if (!bridgeOnline) {
      return;
    }
    int[] registers = {(int) (Math.random() * 100), (int) (Math.random() * 100)};
    Message message = new Message("{\"hr40001\":" + registers[0] + ",\"hr40002\":" + registers[1] + "}");
    moduleClient.sendEventAsync(message, null, null, "registers");
  }
}
