package com.example.replacement.swap;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Swapping clients held in another object's field, and make-before-break swaps. */
public class SessionSwapper {
    /** Plain holder shared between components. */
    public static class Session {
        public DeviceClient client;
        public DeviceClient backup;
        public String cs;
    }

    private final Session session;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private DeviceClient primary;

    public SessionSwapper(Session session) throws IOException, URISyntaxException {
        this.session = session;
        session.client = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
        session.client.setMessageCallback(this::onMessage, null);
        session.client.open();
        primary = session.client;
    }

    private IotHubMessageResult onMessage(Message m, Object ctx) {
        String kind = m.getProperty("swap");
        try {
            if ("other-object".equals(kind)) {
                // expect: IotHubClientReplacedWithoutClose
                session.client = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                session.client.open();
            } else if ("other-object-clean".equals(kind)) {
                session.client.closeNow();
                session.client = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                session.client.open();
            } else if ("wrong-field-closed".equals(kind)) {
                // closes the backup, not the client being replaced
                session.backup.closeNow();
                // expect: IotHubClientReplacedWithoutClose
                session.client = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                session.client.open();
            }
        } catch (IOException | URISyntaxException e) {
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    public void scheduleSwaps() {
        // make-before-break: the new client is opened while the old one is still live
        scheduler.scheduleAtFixedRate(() -> {
            try {
                DeviceClient fresh = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                fresh.open();
                DeviceClient old = primary;
                // expect: IotHubClientReplacedWithoutClose
                primary = fresh;
                old.closeNow();
            } catch (IOException | URISyntaxException e) {
                System.err.println(e);
            }
        }, 1, 1, TimeUnit.HOURS);
        // break-before-make through a saved reference: the old client is closed before the new one opens,
        // but the close comes after the assignment
        scheduler.scheduleAtFixedRate(() -> {
            try {
                DeviceClient old = primary;
                // expect: IotHubClientReplacedWithoutClose
                primary = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                old.closeNow();
                primary.open();
            } catch (IOException | URISyntaxException e) {
                System.err.println(e);
            }
        }, 2, 2, TimeUnit.HOURS);
        // websocket fallback chosen by a ternary of two constructors, old client not closed
        scheduler.scheduleAtFixedRate(() -> {
            try {
                boolean useWs = Boolean.getBoolean("iot.ws");
                // expect: IotHubClientReplacedWithoutClose
                primary = useWs
                        ? new DeviceClient(session.cs, IotHubClientProtocol.MQTT_WS)
                        : new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                primary.open();
            } catch (IOException | URISyntaxException e) {
                System.err.println(e);
            }
        }, 4, 4, TimeUnit.HOURS);
        // this.-qualified field, closed first with the unqualified name
        scheduler.scheduleAtFixedRate(() -> {
            try {
                primary.closeNow();
                this.primary = new DeviceClient(session.cs, IotHubClientProtocol.MQTT);
                this.primary.open();
            } catch (IOException | URISyntaxException e) {
                System.err.println(e);
            }
        }, 3, 3, TimeUnit.HOURS);
    }
}
