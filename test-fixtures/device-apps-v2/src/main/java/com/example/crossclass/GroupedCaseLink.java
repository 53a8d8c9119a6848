package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

/** Closes, recreates and opens: exempt elsewhere, but not on a path from the grouped case of GroupedCaseBase. */
public class GroupedCaseLink extends GroupedCaseBase {
    private final String connectionString;
    private DeviceClient client;

    public GroupedCaseLink(String connectionString) {
        this.connectionString = connectionString;
    }

    @Override
    protected void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected void connect() throws Exception {
        client = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        client.setConnectionStatusChangeCallback(this, null);
        // expect: IotHubOpenWithoutStatusGuard
        client.open(true);
    }

    public static void main(String[] args) throws Exception {
        new GroupedCaseLink(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING")).connect();
    }
}
