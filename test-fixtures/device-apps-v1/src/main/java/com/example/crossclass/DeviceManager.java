package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.logging.Logger;

/** Owns the client; StatusWatcher (another file) calls reconnect() from the status callback. */
public class DeviceManager {
    private static final Logger LOG = Logger.getLogger(DeviceManager.class.getName());

    private final DeviceClient client;

    public DeviceManager(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void start() throws IOException {
        client.registerConnectionStatusChangeCallback(new StatusWatcher(this), null);
        client.open();
    }

    void reconnect() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            LOG.warning("reconnect failed: " + e.getMessage());
        }
    }
}
