package com.example.retrylibraries.resilience4j.edgemodule;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/** A Retry configured with maxAttempts(1): Resilience4j runs the attempt once and never retries it. */
class SingleShotModule {

    private final ModuleClient module;
    private final Retry once = Retry.of("single-shot", RetryConfig.custom()
            .maxAttempts(1)
            .retryExceptions(IotHubClientException.class)
            .build());

    SingleShotModule(ModuleClient module) {
        this.module = module;
    }

    void start() throws Exception {
        once.executeCallable(() -> {
            // quiet (decision, see report): maxAttempts(1) has no "next attempt", so nothing is needed "between its failure and the next attempt"; a single start-up open
            module.open(false);
            return null;
        });
    }

    static SingleShotModule fromEnvironment() {
        // quiet: connection string read at run time
        return new SingleShotModule(new ModuleClient(System.getProperty("thermal.cs"), IotHubClientProtocol.AMQPS));
    }
}
