package com.example.statuscallback.fallthrough;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Logs the outage on DISCONNECTED, then runs on into the retrying case's reconnect. */
public class PumpStationLink implements IotHubConnectionStatusChangeCallback {
    private final DeviceClient client;
    private final ExecutorService reconnector = Executors.newSingleThreadExecutor();

    public PumpStationLink(String connectionString) {
        this.client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(this, null);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext context) {
        switch (context.getNewStatus()) {
            case CONNECTED:
                System.out.println("pump station online");
                break;
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED:
                System.out.println("pump station offline: " + context.getNewStatusReason());
            case DISCONNECTED_RETRYING:
                reconnector.execute(this::reconnect);
                break;
        }
    }

    private void reconnect() {
        try {
            client.close();
            // expect: IotHubOpenWithoutStatusGuard
            client.open(true);
        } catch (IotHubClientException e) {
            System.err.println("reconnect failed: " + e);
        }
    }
}
