package com.example.retry.reschedulehelper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A drone base station that tries its uplinks again later when they fail to open. */
public class AgriDroneBase {
    private final Timer timer = new Timer("uplink-retry", true);
    private final DeviceClient telemetry;
    private final DeviceClient imagery;

    public AgriDroneBase(String telemetryCs, String imageryCs) {
        telemetry = new DeviceClient(telemetryCs, IotHubClientProtocol.MQTT);
        imagery = new DeviceClient(imageryCs, IotHubClientProtocol.AMQPS);
    }

    public void connectTelemetry(int attempt) {
        try {
            // expect: IotHubOpenRetryWithoutClose
            telemetry.open(false);
        } catch (IotHubClientException e) {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    connectTelemetry(attempt + 1);
                }
            }, 2_000L * attempt);
        }
    }

    public void connectImagery(int attempt) {
        try {
            // quiet: the scheduled round closes the failed client before it opens again
            imagery.open(false);
        } catch (IotHubClientException e) {
            retryImageryLater(attempt);
        }
    }

    private void retryImageryLater(int attempt) {
        CompletableFuture.runAsync(() -> {
            imagery.close();
            connectImagery(attempt + 1);
        }, CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS));
    }
}
