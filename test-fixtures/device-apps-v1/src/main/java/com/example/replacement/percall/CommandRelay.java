package com.example.replacement.percall;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * A hub-connected "relay" device: on command it speaks for a leaf device using a short-lived
 * client with the leaf's own credentials.
 */
public class CommandRelay {
    private final DeviceClient relay;
    private final LeafDirectory leaves;

    public CommandRelay(String relayCs, LeafDirectory leaves) throws IOException, URISyntaxException {
        this.leaves = leaves;
        this.relay = new DeviceClient(relayCs, IotHubClientProtocol.MQTT);
        relay.setMessageCallback(this::onMessage, null);
        relay.subscribeToDeviceMethod(this::onMethod, null, (code, ctx) -> { }, null);
        relay.open();
    }

    private IotHubMessageResult onMessage(Message message, Object ctx) {
        String leafId = message.getProperty("leaf");
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        switch (String.valueOf(message.getProperty("mode"))) {
            case "finally":
                return forwardWithFinally(leafId, body);
            case "twr":
                return forwardWithResources(leafId, body);
            case "early":
                return forwardEarlyReturn(leafId, body);
            case "catchOnly":
                return forwardCloseInCatchOnly(leafId, body);
            default:
                return forwardNoFinally(leafId, body);
        }
    }

    /** Closed on every path. */
    private IotHubMessageResult forwardWithFinally(String leafId, String body) {
        try {
            DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
            try {
                leaf.open();
                leaf.sendEventAsync(new Message(body), null, null);
            } finally {
                leaf.closeNow();
            }
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException e) {
            return IotHubMessageResult.ABANDON;
        }
    }

    /** 1.x DeviceClient is Closeable: try-with-resources closes on every path. */
    private IotHubMessageResult forwardWithResources(String leafId, String body) {
        try (DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS)) {
            leaf.open();
            leaf.sendEventAsync(new Message(body), null, null);
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException e) {
            return IotHubMessageResult.ABANDON;
        }
    }

    /** Early return skips the close. */
    private IotHubMessageResult forwardEarlyReturn(String leafId, String body) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
            leaf.open();
            if (body.isEmpty()) {
                return IotHubMessageResult.REJECT;
            }
            leaf.sendEventAsync(new Message(body), null, null);
            leaf.closeNow();
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException e) {
            return IotHubMessageResult.ABANDON;
        }
    }

    /** Close only when something failed: the success path leaves the leaf connected. */
    private IotHubMessageResult forwardCloseInCatchOnly(String leafId, String body) {
        DeviceClient leaf = null;
        try {
            // expect: IotHubClientReplacedWithoutClose
            leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
            leaf.open();
            leaf.sendEventAsync(new Message(body), null, null);
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException e) {
            try {
                if (leaf != null) {
                    leaf.closeNow();
                }
            } catch (IOException ignored) {
                // best effort
            }
            return IotHubMessageResult.ABANDON;
        }
    }

    /** Close at the end without finally: an exception after open() leaks the connection. */
    private IotHubMessageResult forwardNoFinally(String leafId, String body) {
        try {
            // expect: IotHubClientReplacedWithoutClose
            DeviceClient leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.AMQPS);
            leaf.open();
            leaf.sendEventAsync(new Message(body), null, null);
            Thread.sleep(500);
            leaf.closeNow();
            return IotHubMessageResult.COMPLETE;
        } catch (IOException | URISyntaxException | InterruptedException e) {
            return IotHubMessageResult.ABANDON;
        }
    }

    /** Direct method "ping-leaf": per-call client, closed in finally. */
    private DeviceMethodData onMethod(String name, Object payload, Object ctx) {
        String leafId = new String((byte[]) payload, StandardCharsets.UTF_8);
        DeviceClient leaf = null;
        try {
            leaf = new DeviceClient(leaves.connectionString(leafId), IotHubClientProtocol.HTTPS);
            leaf.open();
            leaf.sendEventAsync(new Message("ping"), null, null);
            return new DeviceMethodData(200, "pinged " + leafId);
        } catch (IOException | URISyntaxException e) {
            return new DeviceMethodData(500, e.getMessage());
        } finally {
            if (leaf != null) {
                try {
                    leaf.closeNow();
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Start-up tool: a per-call client in main that is never closed is not a re-entry site. */
    public static void main(String[] args) throws Exception {
        DeviceClient once = new DeviceClient(args[0], IotHubClientProtocol.HTTPS);
        once.open();
        once.sendEventAsync(new Message("hello"), null, null);
        new CommandRelay(args[1], id -> args[2]);
    }

    public interface LeafDirectory {
        String connectionString(String leafId);
    }
}
