package com.example.retry.keptretrytask;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A radio uplink whose failed first open() hands a retry task to a scheduler (the Android shape, with
 * Handler.postDelayed(retryTask, 5000), written against the JDK). The kept task closes the client before it opens it
 * again, as does the task written in place; the beacon's task only opens.
 */
public class RadioUplink {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Timer timer = new Timer(true);
    private final DeviceClient radio;
    private final DeviceClient beacon;
    private final DeviceClient telemetry;

    private final Runnable radioRetry = new Runnable() {
        @Override
        public void run() {
            try {
                radio.close();
                // quiet: check 1 - closed earlier in the same method; check 2 - the next round closes before this open
                radio.open(false);
            } catch (IotHubClientException e) {
                scheduler.schedule(this, 5, TimeUnit.SECONDS);
            }
        }
    };

    private final Runnable beaconRetry = new Runnable() {
        @Override
        public void run() {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                beacon.open(false);
            } catch (IotHubClientException e) {
                System.err.println("beacon reconnect failed: " + e.getMessage());
            }
        }
    };

    public RadioUplink(DeviceClient radio, DeviceClient beacon, DeviceClient telemetry) {
        this.radio = radio;
        this.beacon = beacon;
        this.telemetry = telemetry;
    }

    public void start() {
        try {
            // quiet: check 2 - the retry task the catch schedules closes the client before it opens it again
            radio.open(false);
        } catch (IotHubClientException e) {
            scheduler.schedule(radioRetry, 5, TimeUnit.SECONDS);
        }
    }

    public void startBeacon() {
        try {
            // expect: IotHubOpenRetryWithoutClose
            beacon.open(false);
        } catch (IotHubClientException e) {
            scheduler.schedule(beaconRetry, 5, TimeUnit.SECONDS);
        }
    }

    public void startTelemetry() {
        try {
            // quiet: check 2 - the task written in the catch closes the client before it opens it again
            telemetry.open(false);
        } catch (IotHubClientException e) {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    try {
                        telemetry.close();
                        // quiet: check 1 - closed earlier in the same method
                        telemetry.open(false);
                    } catch (IotHubClientException again) {
                        System.err.println("telemetry reconnect failed: " + again.getMessage());
                    }
                }
            }, 5_000L);
        }
    }
}
