package com.example.service;

import com.example.retry.util.RetryHelper;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Receives cloud-to-device commands and direct methods and hands them to the local command bus (valves, fans).
 */
@Service
public class CommandListenerService {
  private static final Logger LOG = Logger.getLogger(CommandListenerService.class.getName());

  private final String connectionString;
  private final Consumer<String> commandBus;
  private final ExecutorService commandWorkers = Executors.newFixedThreadPool(2);
  private DeviceClient client;
  private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

  public CommandListenerService(String connectionString, Consumer<String> commandBus) {
    this.connectionString = connectionString;
    this.commandBus = commandBus;
  }

  @OnStart
  public void start() throws IotHubClientException, InterruptedException {
    client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(this::handleStatus, null);
    client.setMessageCallback(this::onCommand, null);
    RetryHelper.openWithBackoff(client, 5);
    client.subscribeToMethods(this::onDirectMethod, null);
  }

  @OnStop
  public void stop() {
    commandWorkers.shutdown();
    client.close();
  }

  public boolean isListening() {
    return lastStatus == IotHubConnectionStatus.CONNECTED;
  }

  private void handleStatus(ConnectionStatusChangeContext context) {
    lastStatus = context.getNewStatus();
    switch (context.getNewStatus()) {
      case CONNECTED:
        LOG.info("listening for commands");
        break;
      case DISCONNECTED_RETRYING:
        LOG.info("SDK is retrying: " + context.getNewStatusReason());
        break;
      // expect: IotHubReopenAfterClientClose
      case DISCONNECTED:
        LOG.warning("disconnected (" + context.getNewStatusReason() + "), reconnecting");
        reconnect();
        break;
      default:
        break;
    }
  }

  private void reconnect() {
    // expect: IotHubReconnectOnCallbackThread
    client.close();
    try {
      // expect: IotHubReconnectOnCallbackThread
      client.open(false);
    } catch (IotHubClientException e) {
      LOG.severe("reconnect failed, commands are offline: " + e.getMessage());
    }
  }

  private IotHubMessageResult onCommand(Message message, Object context) {
    String command = new String(message.getBytes(), StandardCharsets.UTF_8).trim();
    if ("cycle-connection".equals(command)) {
      // Cycle the link on a worker thread: close first, then open.
      commandWorkers.execute(() -> {
        client.close();
        try {
          client.open(false);
        } catch (IotHubClientException e) {
          LOG.warning("cycle-connection failed: " + e.getMessage());
        }
      });
      return IotHubMessageResult.COMPLETE;
    }
    commandBus.accept(command);
    return IotHubMessageResult.COMPLETE;
  }

  private DirectMethodResponse onDirectMethod(String methodName, DirectMethodPayload payload, Object context) {
    if (!"rotateCredentials".equals(methodName)) {
      commandBus.accept(methodName + " " + payload.getPayloadAsJsonString());
      return new DirectMethodResponse(200, null);
    }
    String newConnectionString = payload.getPayload(String.class);
    // expect: IotHubClientReplacedWithoutClose
    client = new DeviceClient(newConnectionString, IotHubClientProtocol.AMQPS);
    client.setConnectionStatusChangeCallback(this::handleStatus, null);
    client.setMessageCallback(this::onCommand, null);
    try {
      client.open(false);
    } catch (IotHubClientException e) {
      return new DirectMethodResponse(500, e.getMessage());
    }
    return new DirectMethodResponse(200, "rotated");
  }
}
