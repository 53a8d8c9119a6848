package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.util.concurrent.CompletableFuture;

/** Concrete subclass: telemetry sent from CompletableFuture tasks. */
public class TelemetryConnection extends IotConnection {
    private final String connectionString;

    public TelemetryConnection(String connectionString) {
        this.connectionString = connectionString;
    }

    @Override
    protected DeviceClient createClient() {
        return new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    protected void onReady() {
        CompletableFuture.runAsync(() -> pump());
        CompletableFuture.runAsync(this::pumpGuarded);
    }

    private void pump() {
        try {
            client.sendEvent(new Message("{\"t\":21.5}"));
        } catch (InterruptedException | IotHubClientException | IllegalStateException sendFailed) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open(false);
            } catch (IotHubClientException e) {
                // next round tries again
            }
        }
    }

    private void pumpGuarded() {
        if (IotHubConnectionStatus.DISCONNECTED.equals(status)) {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                // next round tries again
            }
        }
    }
}
