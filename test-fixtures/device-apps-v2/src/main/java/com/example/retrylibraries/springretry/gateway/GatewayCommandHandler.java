package com.example.retrylibraries.springretry.gateway;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;

import java.nio.charset.StandardCharsets;

/** Upstream command channel of the gateway: "restart:<id>" and "resume:<id>". */
public class GatewayCommandHandler implements MessageCallback {

    private final DeviceClient upstream;
    private final DeviceReconnector reconnector;

    public GatewayCommandHandler(String upstreamConnectionString, DeviceReconnector reconnector) {
        this.upstream = new DeviceClient(upstreamConnectionString, IotHubClientProtocol.AMQPS);
        this.reconnector = reconnector;
    }

    public void start() throws IotHubClientException {
        upstream.setMessageCallback(this, null);
        upstream.open(true);
    }

    @Override
    public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object context) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        String[] parts = body.split(":", 2);
        if (parts.length != 2) {
            return IotHubMessageResult.REJECT;
        }
        try {
            if ("restart".equals(parts[0])) {
                reconnector.reconnect(parts[1]);
            } else if ("resume".equals(parts[0])) {
                reconnector.resume(parts[1]);
            }
            return IotHubMessageResult.COMPLETE;
        } catch (IotHubClientException e) {
            return IotHubMessageResult.ABANDON;
        }
    }
}
