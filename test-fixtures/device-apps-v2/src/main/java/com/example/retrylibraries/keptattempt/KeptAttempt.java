package com.example.retrylibraries.keptattempt;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.Callable;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.support.RetryTemplate;

/** Each attempt is kept in a local before a retry library runs it: the same attempt as one written inline. */
public class KeptAttempt {
    private final DeviceClient telemetry = new DeviceClient(System.getenv("TELEMETRY"), IotHubClientProtocol.MQTT);
    private final DeviceClient inventory = new DeviceClient(System.getenv("INVENTORY"), IotHubClientProtocol.MQTT);
    private final DeviceClient alarms = new DeviceClient(System.getenv("ALARMS"), IotHubClientProtocol.MQTT);
    private final DeviceClient spare = new DeviceClient(System.getenv("SPARE"), IotHubClientProtocol.MQTT);
    private final RetryPolicy<Object> forever = RetryPolicy.builder().withMaxRetries(-1).build();

    void failsafe() {
        // expect: IotHubOpenRetryWithoutClose
        CheckedRunnable attempt = () -> telemetry.open(false);
        Failsafe.with(forever).run(attempt);
    }

    void resilience4j() throws Exception {
        Callable<Boolean> attempt = () -> {
            // expect: IotHubOpenRetryWithoutClose
            inventory.open(false);
            return true;
        };
        Retry.ofDefaults("inventory").executeCallable(attempt);
    }

    void spring() throws IotHubClientException {
        RetryCallback<Boolean, IotHubClientException> attempt = context -> {
            // expect: IotHubOpenRetryWithoutClose
            alarms.open(false);
            return true;
        };
        RetryTemplate.defaultInstance().execute(attempt);
    }

    void closesFirst() {
        CheckedRunnable attempt = () -> {
            // quiet: a close in a retry, before the next attempt
            spare.close();
            // quiet: closed before every attempt
            spare.open(false);
        };
        Failsafe.with(forever).run(attempt);
    }

    public static void main(String[] args) throws Exception {
        KeptAttempt kept = new KeptAttempt();
        kept.failsafe();
        kept.resilience4j();
        kept.spring();
        kept.closesFirst();
    }
}
