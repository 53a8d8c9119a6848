package com.example.retrylibraries.resilience4j.meter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import io.github.resilience4j.retry.Retry;
import io.vavr.CheckedRunnable;

import java.net.URISyntaxException;

/** Prepaid meter: it connects with retries only when it has credit left; the decorated attempt is chosen by ?:. */
public class PrepaidMeter {

    private final DeviceClient client;
    private final Retry retry = Retry.of("prepaid", SmartMeter.METER_RETRY);
    private final boolean creditLeft;

    PrepaidMeter(String cs, boolean creditLeft) throws URISyntaxException {
        this.client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        this.creditLeft = creditLeft;
    }

    void connect() throws Throwable {
        CheckedRunnable connect = creditLeft
                ? Retry.decorateCheckedRunnable(retry, () -> {
                    // expect: IotHubOpenRetryWithoutClose
                    client.open();
                })
                : () -> System.out.println("no credit left: staying offline");
        connect.run();
    }

    /** Builds the attempt for a caller outside the compilation, which decides whether to run it. */
    CheckedRunnable connectLater() {
        return creditLeft
                ? Retry.decorateCheckedRunnable(retry, () -> {
                    // quiet: decorated, but this code never runs it
                    client.open();
                })
                : () -> { };
    }
}
