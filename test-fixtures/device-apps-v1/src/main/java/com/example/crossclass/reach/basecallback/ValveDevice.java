package com.example.crossclass.reach.basecallback;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

public class ValveDevice extends BaseDevice {
    private final DeviceClient client;

    public ValveDevice(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    public void listen() {
        client.setMessageCallback((message, context) -> {
            handleCommand(new String(message.getBytes(), StandardCharsets.UTF_8));
            return IotHubMessageResult.COMPLETE;
        }, null);
    }

    @Override
    protected void openClient() throws IOException {
        // quiet: check 1 - the callback path is dominated by DISCONNECTED && != CLIENT_CLOSE; check 3 - reached only through a hand-off (executor); the other caller is start-up code
        client.open();
    }

    @Override
    protected void closeClient() throws IOException {
        // quiet: check 3 - runs on the executor the callback handed it to, not on the callback thread
        client.closeNow();
    }

    /** Start-up self test: not callback code although ValveDevice implements the callback interface. */
    public void calibrate() throws IOException {
        // quiet: "Other methods of a class that implements the interface are not callback code"; Main calls calibrate() once at start-up
        client.closeNow();
        // quiet: start-up code, no retry construct re-attempts it
        client.open();
    }

    private void handleCommand(String command) {
        if ("reset".equals(command)) {
            forceReconnect();
        }
    }

    private void forceReconnect() {
        try {
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("forced reconnect failed: " + e.getMessage());
        }
    }
}
