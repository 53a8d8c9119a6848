package com.example.clientshapes;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;

/** Concrete subclass: telemetry pump on a java.util.Timer. */
public class TelemetryConnection extends IotConnection {
    private final String connectionString;
    private final Timer timer = new Timer("telemetry", true);

    public TelemetryConnection(String connectionString) {
        this.connectionString = connectionString;
    }

    @Override
    protected DeviceClient createClient() throws URISyntaxException {
        return new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
    }

    @Override
    protected void onReady() {
        timer.scheduleAtFixedRate(new TimerTask() {
            @Override
            public void run() {
                pump();
                pumpGuarded();
            }
        }, 0, 10_000);
    }

    private void pump() {
        try {
            client.sendEventAsync(new Message("{\"t\":21.5}"), null, null);
        } catch (IllegalStateException notOpen) {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                // next tick tries again
            }
        }
    }

    private void pumpGuarded() {
        if (status == IotHubConnectionStatus.DISCONNECTED) {
            try {
                client.open();
            } catch (IOException e) {
                // next tick tries again
            }
        }
    }
}
