package com.example.statusguard.methoddispatch;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;

/** Direct-method dispatcher of a vending machine. */
public class MethodDispatcher {
    private final DeviceClient client;
    private volatile IotHubConnectionStatus status = IotHubConnectionStatus.DISCONNECTED;
    private volatile boolean offlineMode;

    public MethodDispatcher(String connectionString) throws IotHubClientException, InterruptedException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(ctx -> status = ctx.getNewStatus(), null);
        client.open(true);
        client.subscribeToMethods(this::onMethod, null);
    }

    private DirectMethodResponse onMethod(String methodName, DirectMethodPayload payload, Object context) {
        try {
            return switch (methodName) {
                case "restock" -> new DirectMethodResponse(200, "ok");
                case "reconnect" -> reconnect();
                case "resume" -> resume();
                case "goOnline" -> goOnline();
                case "diagnose" -> diagnose();
                case "wakeUp" -> wakeUp();
                default -> new DirectMethodResponse(404, null);
            };
        } catch (IotHubClientException e) {
            return new DirectMethodResponse(500, e.getMessage());
        }
    }

    private DirectMethodResponse reconnect() throws IotHubClientException {
        String outcome = switch (status) {
            case DISCONNECTED -> {
                client.open(false);
                yield "reopened";
            }
            case DISCONNECTED_RETRYING -> "sdk retrying";
            case CONNECTED -> "already connected";
        };
        return new DirectMethodResponse(200, outcome);
    }

    private DirectMethodResponse resume() throws IotHubClientException {
        switch (status) {
            // expect: IotHubOpenWithoutStatusGuard
            case DISCONNECTED_RETRYING, DISCONNECTED -> client.open(false);
            case CONNECTED -> { }
        }
        return new DirectMethodResponse(200, "resumed");
    }

    private DirectMethodResponse goOnline() throws IotHubClientException {
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            offlineMode = false;
        } else {
            // expect: IotHubOpenWithoutStatusGuard
            client.open(false);
        }
        return new DirectMethodResponse(200, "online");
    }

    private DirectMethodResponse diagnose() throws IotHubClientException {
        IotHubConnectionStatus snapshot = status;
        if (IotHubConnectionStatus.DISCONNECTED != snapshot) {
            return new DirectMethodResponse(200, "link " + snapshot);
        }
        client.open(false);
        return new DirectMethodResponse(200, "link was down, reopened");
    }

    private DirectMethodResponse wakeUp() throws IotHubClientException {
        boolean linkDown = switch (status) {
            case DISCONNECTED -> true;
            case CONNECTED, DISCONNECTED_RETRYING -> false;
        };
        if (linkDown) {
            client.open(false);
        }
        return new DirectMethodResponse(200, linkDown ? "woken" : "was up");
    }

    public void close() {
        client.close();
    }
}
