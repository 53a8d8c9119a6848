package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.nio.charset.StandardCharsets;

/** Concrete subclass: cloud-to-device commands can rotate the connection string. */
public class CommandConnection extends IotConnection {
    private final String connectionString;
    private int linkLost;

    public CommandConnection(String connectionString) {
        this.connectionString = connectionString;
    }

    @Override
    protected DeviceClient createClient() {
        var c = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        c.setMessageCallback(this::onCommand, null);
        return c;
    }

    private IotHubMessageResult onCommand(Message message, Object ctx) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        if (body.startsWith("HostName=")) {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(body, IotHubClientProtocol.AMQPS);
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.REJECT;
            }
        } else if ("restart".equals(body)) {
            try {
                if (client != null) {
                    client.close();
                }
                client.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
        }
        return IotHubMessageResult.COMPLETE;
    }

    /**
     * Hook called by the base class's status callback. Contract v2 reaches across classes: this override
     * runs on the callback thread.
     */
    @Override
    protected void onLinkLost(IotHubConnectionStatusChangeReason reason) {
        linkLost++;
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open(false);
        } catch (IotHubClientException e) {
            // the manager thread reconnects as well
        }
    }
}
