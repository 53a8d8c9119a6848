package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Concrete subclass: cloud-to-device commands can rotate the connection string. */
public class CommandConnection extends IotConnection {
    private final String connectionString;
    private int linkLost;

    public CommandConnection(String connectionString) {
        this.connectionString = connectionString;
    }

    @Override
    protected DeviceClient createClient() throws URISyntaxException {
        DeviceClient c = new DeviceClient(connectionString, IotHubClientProtocol.AMQPS);
        c.setMessageCallback(this::onCommand, null);
        return c;
    }

    private IotHubMessageResult onCommand(Message message, Object ctx) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        if (body.startsWith("HostName=")) {
            try {
                // expect: IotHubClientReplacedWithoutClose
                client = new DeviceClient(body, IotHubClientProtocol.AMQPS);
                client.open();
            } catch (URISyntaxException | IOException e) {
                return IotHubMessageResult.REJECT;
            }
        } else if ("restart".equals(body)) {
            try {
                if (client != null) {
                    client.close();
                }
                client.open();
            } catch (IOException e) {
                return IotHubMessageResult.ABANDON;
            }
        }
        return IotHubMessageResult.COMPLETE;
    }

    /**
     * Hook called by the base class's status callback. The base class is a different top-level class,
     * so by the contract's "same-class" rule this override is not part of a status callback here.
     */
    @Override
    protected void onLinkLost(IotHubConnectionStatusChangeReason reason) {
        linkLost++;
        try {
            // expect: IotHubReconnectOnCallbackThread
            client.open();
        } catch (IOException e) {
            // base class schedules reconnect() as well
        }
    }
}
