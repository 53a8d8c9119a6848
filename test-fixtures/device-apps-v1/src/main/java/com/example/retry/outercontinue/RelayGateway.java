package com.example.retry.outercontinue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import java.io.IOException;

/**
 * A substation gateway that brings its relay clients up one by one: each relay's connect loop is left by a
 * {@code continue} of the loop over the relays once its open() succeeded.
 */
public class RelayGateway
{
    private volatile boolean running = true;

    /** Start-up: a retry per relay that closes the failed attempt. */
    public static void bootAll(DeviceClient[] relays) throws InterruptedException
    {
        relays:
        for (DeviceClient relay : relays)
        {
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                try
                {
                    // quiet: start-up retry whose failed attempt is closed in the catch; the outer loop is over relays
                    relay.open();
                    continue relays;
                }
                catch (IOException e)
                {
                    try
                    {
                        relay.closeNow();
                    }
                    catch (IOException ignored)
                    {
                        // best effort
                    }
                    Thread.sleep(500L * attempt);
                }
            }
        }
    }

    /** The same retry without the close. */
    public static void bootAllQuickly(DeviceClient[] relays) throws InterruptedException
    {
        relays:
        for (DeviceClient relay : relays)
        {
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                try
                {
                    // expect: IotHubOpenRetryWithoutClose
                    relay.open();
                    continue relays;
                }
                catch (IOException e)
                {
                    Thread.sleep(500L * attempt);
                }
            }
        }
    }

    /** A watchdog: the inner retry is left for the next round of a loop that keeps running. */
    public void watch(DeviceClient relay) throws InterruptedException
    {
        watch:
        while (running)
        {
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                try
                {
                    // expect: IotHubOpenWithoutStatusGuard
                    relay.open();
                    continue watch;
                }
                catch (IOException e)
                {
                    try
                    {
                        relay.closeNow();
                    }
                    catch (IOException ignored)
                    {
                        // best effort
                    }
                    Thread.sleep(500L * attempt);
                }
            }
        }
    }

    /** A failed attempt starts the next round, a success returns: a retry that closes first. */
    public static void bringUp(DeviceClient relay) throws InterruptedException
    {
        rounds:
        for (int round = 0; round < 3; round++)
        {
            for (int attempt = 1; attempt <= 5; attempt++)
            {
                try
                {
                    // quiet: start-up retry, left by return; the failed attempt is closed before the next round
                    relay.open();
                    return;
                }
                catch (IOException e)
                {
                    try
                    {
                        relay.closeNow();
                    }
                    catch (IOException ignored)
                    {
                        // best effort
                    }
                    Thread.sleep(500L);
                    continue rounds;
                }
            }
        }
    }
}
