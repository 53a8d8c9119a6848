package com.example.handoff.selftask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The guarded callback hands a reconnect task off; a failed attempt schedules a new task of the same class. The
 * callback's guard covers every round, but the failed client is never closed before the next attempt.
 */
public class BeaconReconnector {
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
    private final DeviceClient client;

    public BeaconReconnector(String connectionString) {
        client = new DeviceClient(connectionString, IotHubClientProtocol.MQTT);
        client.setConnectionStatusChangeCallback(context -> {
            if (context.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && context.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                pool.execute(new Reconnect(1));
            }
        }, null);
    }

    private final class Reconnect implements Runnable {
        private final int attempt;

        Reconnect(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void run() {
            try {
                // expect: IotHubOpenRetryWithoutClose
                client.open(false);
            } catch (IotHubClientException e) {
                if (attempt < 5) {
                    pool.schedule(new Reconnect(attempt + 1), 2, TimeUnit.SECONDS);
                }
            }
        }
    }
}
