package com.example.retrylibraries.resilience4j.meter;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import io.github.resilience4j.retry.Retry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Gas meter: switch on the status, early exit on CLIENT_CLOSE, decorated retry handed to an executor. */
class GasMeter {

    private final DeviceClient client;
    private final Retry retry = Retry.of("gas", SmartMeter.METER_RETRY);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    GasMeter(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.MQTT);
        client.registerConnectionStatusChangeCallback((status, reason, throwable, ctx) -> {
            switch (status) {
                case DISCONNECTED:
                    if (reason == IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
                        break;
                    }
                    Callable<Void> reconnect = Retry.decorateCallable(retry, () -> {
                        // quiet (check 3): the decorated callable is handed to an executor
                        client.closeNow();
                        // quiet: case DISCONNECTED guard, early exit on == CLIENT_CLOSE, close before open in the attempt
                        client.open();
                        return null;
                    });
                    executor.submit(reconnect);
                    break;
                default:
                    break;
            }
        }, null);
    }

    void start() throws IOException {
        client.open();
    }
}

/** Water meter: correct DISCONNECTED guard and hand-off, but the app's own close() also triggers the reopen. */
class WaterMeter {

    private final DeviceClient client;
    private final Retry retry = Retry.of("water", SmartMeter.METER_RETRY);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    WaterMeter(String cs) throws URISyntaxException {
        client = new DeviceClient(cs, IotHubClientProtocol.AMQPS_WS);
        client.registerConnectionStatusChangeCallback((status, reason, throwable, ctx) -> {
            // expect: IotHubReopenAfterClientClose
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                executor.submit(Retry.decorateCallable(retry, () -> {
                    client.closeNow();
                    // quiet (checks 1-3): DISCONNECTED guard on the callback path, close before open, handed off
                    client.open();
                    return null;
                }));
            }
        }, null);
    }

    void start() throws IOException {
        client.open();
    }

    void shutdown() throws IOException {
        client.closeNow();
    }
}
