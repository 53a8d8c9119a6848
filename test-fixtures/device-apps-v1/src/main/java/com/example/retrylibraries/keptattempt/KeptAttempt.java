package com.example.retrylibraries.keptattempt;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.Callable;
import net.jodah.failsafe.Failsafe;
import net.jodah.failsafe.RetryPolicy;
import net.jodah.failsafe.function.CheckedRunnable;

/** Attempts kept in locals before Failsafe 2.x or Resilience4j 1.x runs them (SDK 1.x). */
public class KeptAttempt
{
    private DeviceClient client;
    private DeviceClient spare;

    void failsafe()
    {
        // expect: IotHubOpenRetryWithoutClose
        CheckedRunnable attempt = () -> client.open();
        Failsafe.with(new RetryPolicy<>().withMaxRetries(5)).run(attempt);
    }

    void resilience4jClosesFirst() throws Exception
    {
        Callable<Boolean> attempt = () -> {
            // quiet: a close in a retry, before the next attempt
            spare.closeNow();
            // quiet: closed before every attempt
            spare.open();
            return true;
        };
        Retry.ofDefaults("spare").executeCallable(attempt);
    }
}
