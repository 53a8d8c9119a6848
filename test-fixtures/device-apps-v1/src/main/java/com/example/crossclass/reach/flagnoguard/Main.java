package com.example.crossclass.reach.flagnoguard;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;

public class Main {
    public static void main(String[] args) throws Exception {
        DeviceClient client = new DeviceClient(System.getenv("IOTHUB_DEVICE_CONNECTION_STRING"),
                IotHubClientProtocol.MQTT);
        Controller controller = new Controller(client);
        client.registerConnectionStatusChangeCallback(controller, null);
        controller.connectNow();
        new Scheduler(controller).start();
        Thread.currentThread().join();
    }
}
