package com.example.edge;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.logging.Logger;

/** ModuleClient that logs how long connecting and closing take; the numbers end up in the site health report. */
public class TracingModuleClient extends ModuleClient {
  private static final Logger LOG = Logger.getLogger(TracingModuleClient.class.getName());

  public TracingModuleClient(String connectionString, IotHubClientProtocol protocol)
      throws ModuleClientException, URISyntaxException {
    super(connectionString, protocol);
  }

  @Override
  public void open(boolean withRetry) throws IOException {
    long started = System.nanoTime();
    super.open(withRetry);
    LOG.info("module client open took " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  @Override
  public void closeNow() throws IOException {
    long started = System.nanoTime();
    super.closeNow();
    LOG.info("module client closeNow took " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }
}
