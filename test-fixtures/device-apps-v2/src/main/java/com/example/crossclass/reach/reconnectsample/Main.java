package com.example.crossclass.reach.reconnectsample;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

public class Main {
    public static void main(String[] args) throws Exception {
        DeviceClientManager manager = new DeviceClientManager(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"),
                IotHubClientProtocol.AMQPS);
        Thread managerThread = new Thread(manager, "connection-manager");
        managerThread.setDaemon(true);
        managerThread.start();

        for (int i = 0; i < 10_000; i++) {
            if (manager.getLastStatus() == IotHubConnectionStatus.CONNECTED) {
                manager.getClient().sendEventAsync(new Message("{\"i\":" + i + "}"),
                        (message, exception, ctx) -> {}, null);
            }
            Thread.sleep(1_000);
        }
        managerThread.interrupt();
        manager.shutdown();
    }
}
