package com.example.replacement.shadow;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;

/** A subclass in another file that declares a local named like the client field it inherits. */
public class StreetLight extends HubDevice {
    @Override
    public void start(String connectionString) throws IOException, URISyntaxException {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        // quiet: start-up code, a single open
        client.open();
        client.sendEventAsync(new Message("{\"lamp\":\"on\"}"), null, null);
    }

    /** The base class's diagnostics client is private to it: a local of that name hides nothing here. */
    public void runDiagnostics(String connectionString) throws IOException, URISyntaxException {
        DeviceClient diagnostics = new DeviceClient(connectionString, IotHubClientProtocol.HTTPS);
        try {
            // quiet: start-up code, a single open
            diagnostics.open();
            diagnostics.sendEventAsync(new Message("{\"selfTest\":\"ok\"}"), null, null);
        } finally {
            // quiet: start-up code, closed after use
            diagnostics.closeNow();
        }
    }
}
