package com.example.retry.outercontinue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import java.util.List;

/**
 * A substation gateway that brings its relay clients up one by one: each relay's connect loop is left by a
 * {@code continue} of the loop over the relays once its open() succeeded.
 */
public class RelayGateway {
    private volatile boolean running = true;

    /** Start-up: a retry per relay that closes the failed attempt. */
    public static void bootAll(List<DeviceClient> relays) throws InterruptedException {
        relays:
        for (DeviceClient relay : relays) {
            int attempt = 0;
            do {
                try {
                    // quiet: start-up retry whose failed attempt is closed in the catch; the outer loop is over relays
                    relay.open(false);
                    continue relays;
                } catch (IotHubClientException e) {
                    relay.close();
                    Thread.sleep(500L * ++attempt);
                }
            } while (attempt < 5);
        }
    }

    /** The same retry without the close. */
    public static void bootAllQuickly(List<DeviceClient> relays) throws InterruptedException {
        relays:
        for (DeviceClient relay : relays) {
            int attempt = 0;
            do {
                try {
                    // expect: IotHubOpenRetryWithoutClose
                    relay.open(false);
                    continue relays;
                } catch (IotHubClientException e) {
                    Thread.sleep(500L * ++attempt);
                }
            } while (attempt < 5);
        }
    }

    /** A watchdog: the inner retry is left for the next round of a loop that keeps running. */
    public void watch(DeviceClient relay) throws InterruptedException {
        watch:
        while (running) {
            while (true) {
                try {
                    // expect: IotHubOpenWithoutStatusGuard
                    relay.open(false);
                    continue watch;
                } catch (IotHubClientException e) {
                    relay.close();
                    Thread.sleep(500L);
                }
            }
        }
    }

    /** A failed attempt starts the next round, a success returns: a retry that closes first. */
    public static void bringUp(DeviceClient relay) throws InterruptedException {
        rounds:
        for (int round = 0; round < 3; round++) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                try {
                    // quiet: start-up retry, left by return; the failed attempt is closed before the next round
                    relay.open(false);
                    return;
                } catch (IotHubClientException e) {
                    relay.close();
                    Thread.sleep(500L);
                    continue rounds;
                }
            }
        }
    }
}
