package com.example.replacement.shadow;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;

/** Tutorial-style class: a static field plus a main that declares a local of the same name. */
public class StaticMainShadow {
    private static DeviceClient client;

    public static void main(String[] args) throws Exception {
        String connString = args[0];
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient client = new DeviceClient(connString, IotHubClientProtocol.MQTT);
        client.open();
        for (int i = 0; i < 10; i++) {
            client.sendEventAsync(new Message("msg " + i), null, null);
        }
        sendGoodbye();
    }

    static void sendGoodbye() {
        if (client != null) {
            client.sendEventAsync(new Message("bye"), null, null);
        }
    }
}
