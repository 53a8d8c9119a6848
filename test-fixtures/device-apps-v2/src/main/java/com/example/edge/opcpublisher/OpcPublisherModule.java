package com.example.edge.opcpublisher;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** IoT Edge module that republishes OPC UA node values from "opcInput" to "telemetryOutput". */
public class OpcPublisherModule implements IotHubConnectionStatusChangeCallback {
    private final ModuleClient moduleClient;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private volatile IotHubConnectionStatus linkStatus = IotHubConnectionStatus.DISCONNECTED;
    private long forwarded;

    public OpcPublisherModule() {
        moduleClient = new ModuleClient(System.getenv("EdgeHubConnectionString"), IotHubClientProtocol.AMQPS);
    }

    public void run() throws IotHubClientException {
        moduleClient.setConnectionStatusChangeCallback(this, null);
        moduleClient.setMessageCallback("opcInput", this::onOpcMessage, null);
        moduleClient.open(true);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        linkStatus = ctx.getNewStatus();
        switch (ctx.getNewStatus()) {
            case CONNECTED:
                System.out.println("edgeHub link up");
                break;
            case DISCONNECTED_RETRYING:
                System.out.println("edgeHub link retrying: " + ctx.getNewStatusReason());
                break;
            case DISCONNECTED:
                if (!IotHubConnectionStatusChangeReason.CLIENT_CLOSE.equals(ctx.getNewStatusReason())) {
                    scheduler.schedule(this::restart, 10, TimeUnit.SECONDS);
                }
                break;
        }
    }

    private void restart() {
        moduleClient.close();
        try {
            moduleClient.open(true);
        } catch (IotHubClientException e) {
            System.err.println("restart failed: " + e.getMessage());
        }
    }

    private IotHubMessageResult onOpcMessage(Message message, Object context) {
        String body = new String(message.getBytes(), StandardCharsets.UTF_8);
        Message out = new Message(body);
        out.setContentType("application/json");
        if (linkStatus.equals(IotHubConnectionStatus.DISCONNECTED)) {
            try {
                moduleClient.open(false);
            } catch (IotHubClientException e) {
                return IotHubMessageResult.ABANDON;
            }
        }
        try {
            moduleClient.sendEvent(out, "telemetryOutput");
            forwarded++;
        } catch (IotHubClientException e) {
            if (e.isRetryable()) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    moduleClient.open(false);
                } catch (IotHubClientException again) {
                    return IotHubMessageResult.ABANDON;
                }
            }
            return IotHubMessageResult.ABANDON;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IotHubMessageResult.ABANDON;
        }
        return IotHubMessageResult.COMPLETE;
    }

    public void shutdown() {
        scheduler.shutdownNow();
        moduleClient.close();
    }

    public static void main(String[] args) throws Exception {
        new OpcPublisherModule().run();
        Thread.currentThread().join();
    }
}
