package com.example.statuscallback.relay;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.nio.charset.StandardCharsets;

/** Cloud-to-device command handler; only onCloudToDeviceMessageReceived is SDK callback code. */
class CommandProcessor implements MessageCallback {

    private final DeviceClient client;

    CommandProcessor(String cs) {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
        client.setMessageCallback(this, null);
    }

    void bootstrap() throws IotHubClientException {
        // quiet: "Other methods of a class that implements the interface are not callback code ... The same holds for the other SDK callback interfaces"
        client.open(false);
    }

    @Override
    public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
        String command = new String(message.getBytes(), StandardCharsets.UTF_8);
        if ("reopen".equals(command)) {
            try {
                // message callback is a re-entry site; no DISCONNECTED guard, not closed or created first
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
        }
        return IotHubMessageResult.COMPLETE;
    }
}
