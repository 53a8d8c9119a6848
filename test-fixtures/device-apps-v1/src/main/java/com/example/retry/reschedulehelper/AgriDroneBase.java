package com.example.retry.reschedulehelper;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A drone base station that tries its uplinks again later when they fail to open. */
public class AgriDroneBase {
    private final Timer timer = new Timer("uplink-retry", true);
    private final DeviceClient telemetry;
    private final DeviceClient imagery;

    public AgriDroneBase(String telemetryCs, String imageryCs) throws URISyntaxException {
        telemetry = new DeviceClient(telemetryCs, IotHubClientProtocol.MQTT);
        imagery = new DeviceClient(imageryCs, IotHubClientProtocol.AMQPS);
    }

    public void connectTelemetry(int attempt) {
        try {
            // expect: IotHubOpenRetryWithoutClose
            telemetry.open();
        } catch (IOException e) {
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
            // expect: IotHubOpenRetryWithoutClose
            imagery.open();
        } catch (IOException e) {
            retryImageryLater(attempt);
        }
    }

    private void retryImageryLater(int attempt) {
        CompletableFuture.runAsync(
                () -> connectImagery(attempt + 1), CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS));
    }
}
