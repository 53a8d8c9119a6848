package com.example.replacement.percall;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

import java.nio.charset.StandardCharsets;

/** Relay device that speaks for leaf devices with short-lived clients (2.x: no try-with-resources). */
public class CommandRelay {
    private final DeviceClient relay;
    private final LeafDirectory leaves;

    public CommandRelay(String relayCs, LeafDirectory leaves) throws IotHubClientException, InterruptedException {
        this.leaves = leaves;
        relay = new DeviceClient(relayCs, IotHubClientProtocol.MQTT);
        relay.setMessageCallback(new RelayCallback(), null);
        relay.open(false);
        relay.subscribeToMethods((methodName, payload, ctx) -> pingLeaf(payload.getPayloadAsJsonString()), null);
    }

    /** Named MessageCallback implementation. */
    private final class RelayCallback implements MessageCallback {
        @Override
        public IotHubMessageResult onCloudToDeviceMessageReceived(Message message, Object ctx) {
            String leafId = message.getProperty("leaf");
            String body = new String(message.getBytes(), StandardCharsets.UTF_8);
            if ("early".equals(message.getProperty("mode"))) {
                return forwardEarlyReturn(leafId, body);
            }
            if ("inTry".equals(message.getProperty("mode"))) {
                return forwardCloseInsideTry(leafId, body);
            }
            if ("catch".equals(message.getProperty("mode"))) {
                forwardCloseOnErrorOnly(leafId, body);
                return IotHubMessageResult.COMPLETE;
            }
            return forwardWithFinally(leafId, body);
        }
    }

    private IotHubMessageResult forwardWithFinally(String leafId, String body) {
        DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
        try {
            leaf.open(false);
            leaf.sendEvent(new Message(body));
            return IotHubMessageResult.COMPLETE;
        } catch (IotHubClientException | InterruptedException e) {
            return IotHubMessageResult.ABANDON;
        } finally {
            leaf.close();
        }
    }

    /** An empty body returns before the close. */
    private IotHubMessageResult forwardEarlyReturn(String leafId, String body) {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
        try {
            leaf.open(false);
        } catch (IotHubClientException e) {
            return IotHubMessageResult.ABANDON;
        }
        if (body.isEmpty()) {
            return IotHubMessageResult.REJECT;
        }
        leaf.sendEventAsync(new Message(body), (m, e, c) -> { }, null);
        leaf.close();
        return IotHubMessageResult.COMPLETE;
    }

    /** close() inside the try, catch returns: an empty body or a failed send skips the close. */
    private IotHubMessageResult forwardCloseInsideTry(String leafId, String body) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
            leaf.open(false);
            if (body.isEmpty()) {
                return IotHubMessageResult.REJECT;
            }
            leaf.sendEvent(new Message(body));
            leaf.close();
            return IotHubMessageResult.COMPLETE;
        } catch (IotHubClientException | InterruptedException e) {
            return IotHubMessageResult.ABANDON;
        }
    }

    /** Only closed when the send fails: a successful forward leaves the leaf connected. */
    private void forwardCloseOnErrorOnly(String leafId, String body) {
        // expect: IotHubClientReplacedWithoutClose
        DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
        try {
            leaf.open(false);
            leaf.sendEvent(new Message(body));
        } catch (IotHubClientException | InterruptedException e) {
            leaf.close();
        }
    }

    /** Direct method handler (lambda above): per-call client closed in finally. */
    private DirectMethodResponse pingLeaf(String leafId) {
        DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.HTTPS);
        try {
            leaf.open(false);
            leaf.sendEvent(new Message("ping"));
            return new DirectMethodResponse(200, "pinged");
        } catch (IotHubClientException | InterruptedException e) {
            return new DirectMethodResponse(500, e.getMessage());
        } finally {
            leaf.close();
        }
    }

    public interface LeafDirectory {
        String connectionString(String leafId);
    }
}
