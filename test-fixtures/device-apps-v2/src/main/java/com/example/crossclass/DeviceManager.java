package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.logging.Logger;

/** Owns the client; StatusWatcher (another file) calls reconnect() from the status callback. */
public class DeviceManager {
    private static final Logger LOG = Logger.getLogger(DeviceManager.class.getName());

    private final DeviceClient client;
    private volatile IotHubConnectionStatus lastStatus = IotHubConnectionStatus.DISCONNECTED;

    public DeviceManager(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    public void start() throws IotHubClientException {
        client.setConnectionStatusChangeCallback(new StatusWatcher(this), null);
        client.open(true);
    }

    void recordStatus(IotHubConnectionStatus status) {
        lastStatus = status;
    }

    void reconnect() {
        LOG.info("reconnecting after " + lastStatus);
        // expect: IotHubReconnectOnCallbackThread
        client.close();
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(true);
        } catch (IotHubClientException e) {
            LOG.warning("reconnect failed: " + e.getMessage());
        }
    }
}
