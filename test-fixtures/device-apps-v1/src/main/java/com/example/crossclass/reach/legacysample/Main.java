package com.example.crossclass.reach.legacysample;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

public class Main {
    public static void main(String[] args) throws Exception {
        DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"),
                IotHubClientProtocol.AMQPS);
        DeviceClientManager manager = new DeviceClientManager(client, true);
        manager.connect();
        for (int i = 0; i < 1000; i++) {
            client.sendEventAsync(new Message("ping " + i), (status, ctx) -> {}, null);
            Thread.sleep(1_000);
        }
        manager.closeNow();
    }
}
