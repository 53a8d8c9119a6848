package com.example.rulecatalogue;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Every check is suppressible with @SuppressWarnings("Name"). */
public class Suppression {
    private static final String CS = "HostName=example.azure-devices.net;DeviceId=dev1;SharedAccessKey=c2VjcmV0";
    private DeviceClient client;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    public Suppression() {
        client = new DeviceClient(CS, IotHubClientProtocol.MQTT);
    }

    @SuppressWarnings("IotHubOpenWithoutStatusGuard")
    void suppressedUnguardedReopen() {
        executor.execute(() -> {
            try {
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    @SuppressWarnings("IotHubOpenRetryWithoutClose")
    void suppressedRetry() {
        while (true) {
            try {
                client.open(false);
                break;
            } catch (IotHubClientException e) {
                Thread.onSpinWait();
            }
        }
    }

    @SuppressWarnings({"IotHubReconnectOnCallbackThread", "IotHubReopenAfterClientClose"})
    void suppressedCallbackReopen() {
        client.setConnectionStatusChangeCallback(ctx -> {
            if (ctx.getNewStatus() == IotHubConnectionStatus.DISCONNECTED) {
                try {
                    client.open(false);
                } catch (IotHubClientException e) {
                    e.printStackTrace();
                }
            }
        }, null);
    }

    @SuppressWarnings("IotHubClientReplacedWithoutClose")
    void suppressedReplacement() {
        executor.execute(() -> {
            client = new DeviceClient(CS, IotHubClientProtocol.AMQPS);
            try {
                client.open(false);
            } catch (IotHubClientException e) {
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
                client.open(false);
            } catch (IotHubClientException e) {
                e.printStackTrace();
            }
        });
    }

    // the check name on the class suppresses it for every member
    @SuppressWarnings("IotHubReconnectOnCallbackThread")
    static final class QuietShutdown {
        private final DeviceClient client;

        QuietShutdown(DeviceClient client) {
            this.client = client;
            client.setConnectionStatusChangeCallback(ctx -> {
                if (ctx.getCause() != null) {
                    this.client.close();
                }
            }, null);
        }
    }
}
