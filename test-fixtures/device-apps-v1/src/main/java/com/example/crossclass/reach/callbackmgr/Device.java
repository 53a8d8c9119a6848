package com.example.crossclass.reach.callbackmgr;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Owns the device's single client; the status handler (another file) drives reconnects. */
public class Device {
    private final DeviceClient client;

    public Device(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    DeviceClient client() {
        return client;
    }

    public void start() throws IOException {
        // quiet: "Never report a single start-up open()" - only Main calls start(), nothing re-attempts it
        client.open();
    }

    public void send(String payload) {
        try {
            client.sendEventAsync(new Message(payload.getBytes(StandardCharsets.UTF_8)), (status, ctx) -> {}, null);
        } catch (IllegalStateException e) {
            // client was closed: a catch after a failed send is a re-entry site, but reconnect() closes first (exemption (a))
            reconnect();
        }
    }

    /**
     * Called by StatusHandler.execute on the SDK's callback thread (guarded by == DISCONNECTED) and from send()'s catch
     * (exempt: closes first). Not check 1's on either path; check 3 still applies on the callback path.
     */
    public void reconnect() {
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.closeNow();
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e.getMessage());
        }
    }

    public void stop() throws IOException {
        // quiet: check 3 - stop() is only called from Main, never synchronously from a status callback
        client.closeNow();
    }
}
