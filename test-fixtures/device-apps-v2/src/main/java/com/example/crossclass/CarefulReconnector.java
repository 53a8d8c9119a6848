package com.example.crossclass;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The implementation the app creates: reconnects off the callback thread, on DISCONNECTED only (quiet). */
public class CarefulReconnector implements Reconnector {
    private final DeviceClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    public CarefulReconnector(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    public void reconnect() throws Exception {
        client.close();
        client.open(true);
    }

    public static void main(String[] args) throws Exception {
        CarefulReconnector reconnector = new CarefulReconnector(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"));
        Reconnector generic = reconnector;
        reconnector.client.setConnectionStatusChangeCallback((ConnectionStatusChangeContext context) -> {
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                    && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                reconnector.executor.submit(() -> {
                    generic.reconnect();
                    return null;
                });
            }
        }, null);
        reconnector.client.open(true);
    }
}
