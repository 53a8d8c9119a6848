package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;

/** Closes, recreates and opens: exempt elsewhere, but not on a path from the "!= CONNECTED" of GroupedCaseBase. */
public class GroupedCaseLink extends GroupedCaseBase {
    private final String connectionString;
    private DeviceClient client;

    public GroupedCaseLink(String connectionString) {
        this.connectionString = connectionString;
    }

    @Override
    protected void closeClient() {
        try {
            if (client != null) {
                client.closeNow();
            }
        } catch (IOException e) {
            System.err.println("close failed: " + e.getMessage());
        }
    }

    @Override
    protected void connect() throws Exception {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        client.registerConnectionStatusChangeCallback(this, null);
        // expect: IotHubOpenWithoutStatusGuard
        client.open();
    }

    public static void main(String[] args) throws Exception {
        new GroupedCaseLink(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")).connect();
    }
}
