package com.example.handoff.selftask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The guarded callback hands a reconnect task off; a failed attempt schedules the same task again. The callback's
 * guard covers every round, but the failed client is never closed before the next attempt.
 */
public class BeaconReconnector {
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
    private final DeviceClient client;

    public BeaconReconnector(String connectionString) throws URISyntaxException {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, throwable, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED
                && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                pool.execute(new Reconnect());
            }
        }, null);
    }

    private final class Reconnect implements Runnable {
        private int attempt;

        @Override
        public void run() {
            attempt++;
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open();
            } catch (IOException e) {
                if (attempt < 5) {
                    pool.schedule(this, 2, TimeUnit.SECONDS);
                }
            }
        }
    }
}
