package com.example.apps.tricky;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.logging.Logger;

/** Edge aggregator module: a ModuleClient subclass that knows how to connect itself. */
public class AggregatorModuleClient extends ModuleClient {
  private static final Logger LOG = Logger.getLogger(AggregatorModuleClient.class.getName());

  public AggregatorModuleClient(String connectionString) throws ModuleClientException, URISyntaxException {
    super(connectionString, IotHubClientProtocol.AMQPS);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      AggregatorModuleClient aggregator = new AggregatorModuleClient(args[0]);
      aggregator.openWithRetries(5);
      return;
    }
    // No connection string: run as a plain module of the edge runtime, rebuilding the client on every attempt.
    ModuleClient module = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      module = ModuleClient.createFromEnvironment(IotHubClientProtocol.AMQPS);
      try {
        // expect: IotHubOpenRetryWithoutClose
        module.open();
        break;
      } catch (IOException e) {
        LOG.warning("edge runtime not ready (attempt " + attempt + "): " + e.getMessage());
        Thread.sleep(5_000);
      }
    }
  }

  /** Recursion with a counter; the failed attempt is not torn down. */
  public void openWithRetries(int attemptsLeft) throws IOException, InterruptedException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      open(false);
    } catch (IOException e) {
      if (attemptsLeft <= 1) {
        throw e;
      }
      Thread.sleep(3_000);
      openWithRetries(attemptsLeft - 1);
    }
  }

  /** Recursion with a counter, closing the failed attempt first. */
  public void openCleanly(int attemptsLeft) throws IOException, InterruptedException {
    try {
      this.open(false);
    } catch (IOException e) {
      this.closeNow();
      if (attemptsLeft <= 1) {
        throw e;
      }
      Thread.sleep(3_000);
      openCleanly(attemptsLeft - 1);
    }
  }

  /** Tears the link down only after the last failed attempt. */
  public void openWithFinalCleanup(int maxAttempts) throws IOException, InterruptedException {
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      boolean opened = false;
      try {
        // expect: IotHubOpenRetryWithoutClose
        open(false);
        opened = true;
        return;
      } catch (IOException e) {
        LOG.warning("aggregator attempt " + attempt + " failed: " + e.getMessage());
      } finally {
        if (!opened && attempt == maxAttempts) {
          closeNow();
        }
      }
      Thread.sleep(2_000);
    }
  }

  /** Retry through a helper: the catch calls a same-class method that calls this one again. */
  public void connectPatiently() throws InterruptedException {
    try {
      // expect: IotHubOpenRetryWithoutClose
      open(true);
    } catch (IOException e) {
      LOG.warning("aggregator open failed: " + e.getMessage());
      backOffThenConnect();
    }
  }

  private void backOffThenConnect() throws InterruptedException {
    Thread.sleep(5_000);
    connectPatiently();
  }
}
