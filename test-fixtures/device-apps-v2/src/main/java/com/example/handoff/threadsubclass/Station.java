package com.example.handoff.threadsubclass;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.nio.charset.StandardCharsets;

/** A Thread subclass for the reconnect; sessions and probes open clients in their constructors. */
public class Station {
    private final String sessionConnectionString;
    private final String probeConnectionString;
    private final DeviceClient controlClient;
    volatile Session session;
    volatile Probe lastProbe;

    Station() {
        controlClient = new DeviceClient(System.getenv("CONTROL_CS"), IotHubClientProtocol.MQTT);
        sessionConnectionString = System.getenv("SESSION_CS");
        probeConnectionString = System.getenv("PROBE_CS");
    }

    class ReconnectThread extends Thread {
        @Override
        public void run() {
            // quiet: runs on its own thread
            controlClient.close();
            try {
                // quiet: the only start() is dominated by `DISCONNECTED.equals(ctx.getNewStatus()) && reason != CLIENT_CLOSE`
                controlClient.open(false);
            } catch (IotHubClientException e) {
                System.out.println("control reconnect failed: " + e.getMessage());
            }
        }
    }

    void start() throws IotHubClientException {
        controlClient.setConnectionStatusChangeCallback(new IotHubConnectionStatusChangeCallback() {
            @Override
            public void onStatusChanged(ConnectionStatusChangeContext ctx) {
                if (IotHubConnectionStatus.DISCONNECTED.equals(ctx.getNewStatus())
                        && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                    new ReconnectThread().start();
                // quiet: check 5 — the nearest status condition (`== DISCONNECTED_RETRYING`) does not admit DISCONNECTED
                } else if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED_RETRYING) {
                    new Thread(() -> lastProbe = new Probe(probeConnectionString)).start();
                }
            }
        }, null);
        // quiet: start-up code
        controlClient.open(false);
        controlClient.setMessageCallback((message, context) -> {
            String body = new String(message.getBytes(), StandardCharsets.UTF_8);
            if ("new-session".equals(body)) {
                // quiet: Session is not a client type (check 4 is about client expressions)
                session = new Session(sessionConnectionString);
            }
            return IotHubMessageResult.COMPLETE;
        }, null);
        session = new Session(sessionConnectionString);
    }

    public static void main(String[] args) throws Exception {
        new Station().start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
