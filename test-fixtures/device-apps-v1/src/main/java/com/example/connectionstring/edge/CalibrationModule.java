package com.example.connectionstring.edge;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.ModuleClientException;
import java.io.IOException;
import java.net.URISyntaxException;

/**
 * IoT Edge module that calibrates the line's sensors. In a container the Edge runtime provides its identity; for the
 * lab rig, someone pasted the module's connection string into the code, so every rig, and every container restarted
 * next to the old one, is the same module.
 */
public final class CalibrationModule {
  private static final String LAB_HUB = "HostName=lab-hub.azure-devices.net;";
  private static final String LAB_KEY = "TGlua0d1YXJkIGZpeHR1cmUga2V5LCBub3QgYSBzZWNyZXQ=";

  private final ModuleClient client;

  private CalibrationModule(ModuleClient client) {
    this.client = client;
  }

  public static void main(String[] args) throws IOException, ModuleClientException, URISyntaxException {
    CalibrationModule module =
        System.getenv("IOTEDGE_WORKLOADURI") != null ? inContainer() : onLabRig();
    module.run();
  }

  private static CalibrationModule inContainer() throws ModuleClientException {
    return new CalibrationModule(ModuleClient.createFromEnvironment());
  }

  private static CalibrationModule onLabRig() throws ModuleClientException, URISyntaxException {
    // expect: IotHubConnectionStringInCode
    return new CalibrationModule(new ModuleClient(labConnectionString(), IotHubClientProtocol.AMQPS));
  }

  private static String labConnectionString() {
    return LAB_HUB + "DeviceId=calibration-rig;ModuleId=calibrator;SharedAccessKey=" + LAB_KEY;
  }

  private void run() throws IOException {
    client.open();
    try {
      client.sendEventAsync(new Message("{\"calibrated\":true}"), null, null, "output1");
    } finally {
      client.close();
    }
  }
}
