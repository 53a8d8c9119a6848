package com.example.statuscallback.fallthrough;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Logs the outage on DISCONNECTED, then runs on into the retrying case's reconnect. */
public class PumpStationLink implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService reconnector = Executors.newSingleThreadExecutor();

    public PumpStationLink(String connectionString) throws URISyntaxException {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause,
            Object context) {
        switch (status) {
            case CONNECTED:
                System.out.println("pump station online");
                break;
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
                System.out.println("pump station offline: " + reason);
            case DISCONNECTED_RETRYING:
                reconnector.execute(this::reconnect);
                break;
        }
    }

    private void reconnect() {
        try {
            client.closeNow();
            // expect: IotHubOpenWithoutStatusGuard
            client.open();
        } catch (IOException e) {
            System.err.println("reconnect failed: " + e);
        }
    }
}
