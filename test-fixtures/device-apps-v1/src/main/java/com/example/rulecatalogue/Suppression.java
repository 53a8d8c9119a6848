package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Every check is suppressible with @SuppressWarnings("Name"). */
public class Suppression {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";
    private DeviceClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    public Suppression() throws URISyntaxException {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    @SuppressWarnings("IotHubOpenWithoutStatusGuard")
    void suppressedUnguardedReopen() {
        executor.execute(() -> {
            try {
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }

    @SuppressWarnings("IotHubOpenRetryWithoutClose")
    void suppressedRetry() {
        while (true) {
            try {
                client.open();
                break;
            } catch (IOException e) {
                Thread.onSpinWait();
            }
        }
    }

    @SuppressWarnings({"IotHubReconnectOnCallbackThread", "IotHubReopenAfterClientClose"})
    void suppressedCallbackReopen() {
        client.registerConnectionStatusChangeCallback((status, reason, cause, context) -> {
            if (status == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open();
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    @SuppressWarnings("IotHubClientReplacedWithoutClose")
    void suppressedReplacement() {
        executor.execute(() -> {
            try {
                client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
                client.open();
            } catch (IOException | URISyntaxException e) {
                e.printStackTrace();
            }
        });
    }

    // suppressing one check does not hide another
    @SuppressWarnings("IotHubOpenRetryWithoutClose")
    void wrongSuppression() {
        executor.execute(() -> {
            try {
                // expect: IotHubOpenWithoutStatusGuard
                client.open();
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
    }
}
